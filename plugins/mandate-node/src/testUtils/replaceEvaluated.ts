import { Report } from '@mandate-dev/plugin-mandate-common';
import { compareRefs } from '../catalog';

/**
 * What the backend's store does with an evaluation of some services, on a report: the entries
 * of `evaluatedRefs` are replaced by the update's, or dropped when it has none (removed, or no
 * longer services); every other entry stays.
 */
export function replaceEvaluated(
  previous: Report,
  update: Report,
  evaluatedRefs: Iterable<string>,
): Report {
  const byRef = new Map(previous.entities.map(e => [e.entityRef, e]));
  for (const ref of evaluatedRefs) byRef.delete(ref);
  for (const entity of update.entities) byRef.set(entity.entityRef, entity);
  return {
    ...update,
    entities: [...byRef.values()].sort((a, b) =>
      compareRefs(a.entityRef, b.entityRef),
    ),
  };
}
