import { Report } from '@internal/plugin-mandate-common';
import { compareRefs } from '../catalog';

/**
 * Folds an evaluation of some entities into a previous full report: the entities in
 * `evaluatedRefs` are replaced by their new results, or dropped when the update has none (they
 * were removed or are no longer services).
 */
export function mergeReports(
  previous: Report,
  update: Report,
  evaluatedRefs: Iterable<string>,
): Report {
  const replaced = new Set(Array.from(evaluatedRefs, ref => ref.toLowerCase()));
  for (const entity of update.entities) replaced.add(entity.entityRef);
  // The previous list is sorted by ref: insert the few fresh entries by binary search.
  const entities = previous.entities.filter(
    entity => !replaced.has(entity.entityRef),
  );
  const fresh = [...update.entities].sort((a, b) =>
    compareRefs(b.entityRef, a.entityRef),
  );
  for (const entity of fresh) {
    let low = 0;
    let high = entities.length;
    while (low < high) {
      const mid = (low + high) >>> 1;
      if (compareRefs(entities[mid].entityRef, entity.entityRef) < 0)
        low = mid + 1;
      else high = mid;
    }
    entities.splice(low, 0, entity);
  }
  return {
    rulebookVersion: update.rulebookVersion,
    generatedAt: update.generatedAt,
    entities,
  };
}
