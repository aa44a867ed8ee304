import { CatalogSnapshot, SnapshotEntity } from '../../catalog';
import { specList } from './specList';

/**
 * The APIs that offer a database's data: those provided by the components of its owner that
 * use it (e.g. orders-db -> orders -> orders-api, order-events). Named as those components
 * write them; empty when the owner's team runs nothing on it.
 */
export function apisOverDatabase(
  database: SnapshotEntity,
  snapshot: CatalogSnapshot,
): string[] {
  const apis = new Set<string>();
  if (!database.owner) return [];
  for (const user of snapshot.dependentsOf(database.ref)) {
    if (user.kind !== 'component' || user.owner !== database.owner) continue;
    for (const link of user.providesApis) if (link.ref) apis.add(link.ref);
  }
  return [...apis];
}

/**
 * The edit of `consumer` that stops it reading `databases` directly: they leave its
 * `dependsOn`, and the APIs that offer their data join its `consumesApis`.
 */
export function readThroughApis(
  consumer: SnapshotEntity,
  databases: SnapshotEntity[],
  snapshot: CatalogSnapshot,
): { edit: unknown; apis: string[] } {
  const apis = [
    ...new Set(databases.flatMap(db => apisOverDatabase(db, snapshot))),
  ];
  const spec: Record<string, unknown> = {
    dependsOn: specList(consumer, 'dependsOn', {
      drop: new Set(databases.map(db => db.ref)),
    }),
  };
  if (apis.length > 0)
    spec.consumesApis = specList(consumer, 'consumesApis', { add: apis });
  return { edit: { spec }, apis };
}
