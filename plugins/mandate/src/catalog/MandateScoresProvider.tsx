import { createContext, ReactNode, useContext } from 'react';
import useAsync from 'react-use/esm/useAsync';
import { useApi } from '@backstage/frontend-plugin-api';
import { ReportedEntity } from '@mandate-dev/plugin-mandate-common';
import { mandateApiRef } from '../api';

/** The latest level and score of every scored service, by lower-case full ref. @public */
export interface MandateScores {
  loading: boolean;
  error?: Error;
  byRef: Map<string, Pick<ReportedEntity, 'level' | 'score'>>;
}

const MandateScoresContext = createContext<MandateScores | undefined>(
  undefined,
);

/** GET /report answers at most this many services a page (src/schema/openapi.yaml). */
const PAGE_SIZE = 500;

/**
 * Loads the level and score of every service once for the catalog page, so that its level and
 * score columns and its level filter read one copy instead of asking per row.
 *
 * @public
 */
export function MandateScoresProvider(props: { children: ReactNode }) {
  const api = useApi(mandateApiRef);
  const state = useAsync(async () => {
    const byRef: MandateScores['byRef'] = new Map();
    for (let offset = 0; ; offset += PAGE_SIZE) {
      const page = await api.getReport({ offset, limit: PAGE_SIZE });
      for (const item of page.items) {
        byRef.set(item.entityRef, { level: item.level, score: item.score });
      }
      if (page.items.length === 0 || offset + PAGE_SIZE >= page.total) break;
    }
    return byRef;
  }, [api]);
  return (
    <MandateScoresContext.Provider
      value={{
        loading: state.loading,
        error: state.error,
        byRef: state.value ?? new Map(),
      }}
    >
      {props.children}
    </MandateScoresContext.Provider>
  );
}

/** The scores of the MandateScoresProvider around the catalog page. @public */
export function useMandateScores(): MandateScores {
  const scores = useContext(MandateScoresContext);
  if (!scores) {
    throw new Error(
      'The Mandate level and score of catalog entities need a MandateScoresProvider around the catalog page; install mandateCatalogModule',
    );
  }
  return scores;
}
