import { ServiceGraph } from '../../graph';

/** The highest target proposed when nothing caps it: 100% is not an SLO. */
const HIGHEST_PROPOSED = 99.9;

/**
 * The availability target proposed for a service without a valid one: what its hard
 * dependencies allow together (their composite SLO, rounded down to two decimals), at most
 * 99.9. As a plain decimal string, the annotation's format.
 */
export function proposedSlo(ref: string, graph: ServiceGraph): string {
  const composite = graph.hardReach(ref)?.compositeSlo ?? 100;
  return String(Math.min(HIGHEST_PROPOSED, Math.floor(composite * 100) / 100));
}
