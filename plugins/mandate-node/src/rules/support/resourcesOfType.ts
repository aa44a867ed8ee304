import { CatalogSnapshot, SnapshotEntity } from '../../catalog';

/** The existing Resources of `type` (exact) an entity names in `spec.dependsOn`. */
export function resourcesOfType(
  entity: SnapshotEntity,
  snapshot: CatalogSnapshot,
  type: string,
): SnapshotEntity[] {
  const resources: SnapshotEntity[] = [];
  for (const link of entity.dependsOn) {
    const target = snapshot.resolve(link);
    if (
      target?.kind === 'resource' &&
      target.type === type &&
      !resources.includes(target)
    ) {
      resources.push(target);
    }
  }
  return resources;
}

/** The databases a service uses: Resources of type `database` in its `spec.dependsOn`. */
export function databasesOf(entity: SnapshotEntity, snapshot: CatalogSnapshot) {
  return resourcesOfType(entity, snapshot, 'database');
}
