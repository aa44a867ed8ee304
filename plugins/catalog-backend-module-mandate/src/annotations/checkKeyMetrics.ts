import { splitList } from '@mandate-dev/plugin-mandate-node';
import { MAX_METRICS_KEY } from '../readMaxMetrics';
import { AnnotationCheck } from './AnnotationCheck';

/**
 * `mandate.dev/key-metrics`: 1 to `maxMetrics` names once trimmed, emptied items dropped and
 * duplicates collapsed (case-sensitive), exactly as the key-metrics rule counts them: the
 * engine's `splitList`, then a `Set`.
 */
export const checkKeyMetrics: AnnotationCheck = (value, { maxMetrics }) => {
  const metrics = new Set(splitList(value));
  if (metrics.size === 0) {
    return ['names no metric'];
  }
  if (maxMetrics !== undefined && metrics.size > maxMetrics) {
    return [
      `names ${metrics.size} metrics, more than the ${maxMetrics} allowed (${MAX_METRICS_KEY})`,
    ];
  }
  return [];
};
