import { CatalogSnapshot, SnapshotEntity } from '../../catalog';

/** The Group of type `team` that `spec.owner` resolves to, if it does. */
export function owningTeam(
  service: SnapshotEntity,
  snapshot: CatalogSnapshot,
): SnapshotEntity | undefined {
  const owner = snapshot.get(service.owner);
  return owner?.kind === 'group' && owner.type === 'team' ? owner : undefined;
}
