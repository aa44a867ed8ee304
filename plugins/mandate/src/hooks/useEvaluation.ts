import { useCallback, useEffect, useRef, useState } from 'react';
import { useApi } from '@backstage/frontend-plugin-api';
import { Evaluation } from '@mandate-dev/plugin-mandate-common';
import { mandateApiRef } from '../api';

const POLL_INTERVAL_MS = 1000;
const MAX_POLLS = 120;

/**
 * Starts an evaluation (POST /evaluate) and follows it (GET /evaluations/{id}) until it has
 * finished, then calls onDone.
 */
export function useEvaluation(options: {
  entityRef?: string;
  onDone: (evaluation: Evaluation) => void;
  pollIntervalMs?: number;
}) {
  const { entityRef, onDone, pollIntervalMs = POLL_INTERVAL_MS } = options;
  const api = useApi(mandateApiRef);
  const [evaluation, setEvaluation] = useState<Evaluation | undefined>();
  const [running, setRunning] = useState(false);
  const [error, setError] = useState<Error | undefined>();
  const mounted = useRef(true);
  const onDoneRef = useRef(onDone);
  onDoneRef.current = onDone;

  useEffect(() => {
    mounted.current = true;
    return () => {
      mounted.current = false;
    };
  }, []);

  const start = useCallback(async () => {
    setRunning(true);
    setError(undefined);
    try {
      let current = await api.evaluate(entityRef);
      for (
        let polls = 0;
        mounted.current &&
        (current.status === 'queued' || current.status === 'running');
        polls++
      ) {
        if (mounted.current) setEvaluation(current);
        if (polls >= MAX_POLLS) {
          throw new Error('The evaluation is taking too long; try again later');
        }
        await new Promise(resolve => setTimeout(resolve, pollIntervalMs));
        current = await api.getEvaluation(current.id);
      }
      if (!mounted.current) return;
      setEvaluation(current);
      if (current.status === 'failed') {
        throw new Error(current.failureReason ?? 'The evaluation failed');
      }
      onDoneRef.current(current);
    } catch (e) {
      if (mounted.current) setError(e as Error);
    } finally {
      if (mounted.current) setRunning(false);
    }
  }, [api, entityRef, pollIntervalMs]);

  return { start, running, evaluation, error };
}
