import { SnapshotEntity } from '../../catalog';
import { specList } from './specList';

/**
 * The edit of `from` that removes its service-graph edge to `to`: `to` leaves its
 * `dependsOn`, and the APIs `to` provides leave its `consumesApis`.
 */
export function withoutEdge(from: SnapshotEntity, to: SnapshotEntity) {
  const spec: Record<string, unknown[]> = {};
  const dependsOn = specList(from, 'dependsOn', { drop: new Set([to.ref]) });
  if (dependsOn.length !== from.dependsOn.length) spec.dependsOn = dependsOn;
  const apis = new Set(to.providesApis.flatMap(link => link.ref ?? []));
  const consumesApis = specList(from, 'consumesApis', { drop: apis });
  if (consumesApis.length !== from.consumesApis.length)
    spec.consumesApis = consumesApis;
  return { spec };
}
