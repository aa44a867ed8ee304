import { Tier } from '@mandate-dev/plugin-mandate-common';
import { readTier, tierRank } from '../../annotations';
import { CatalogSnapshot, compareRefs, SnapshotEntity } from '../../catalog';
import { ServiceGraph } from '../../graph';

/** A service using a database that lives on a database cluster. */
export interface ClusterUse {
  database: SnapshotEntity;
  service: SnapshotEntity;
  tier?: Tier;
  /** 0 = critical ... 3 = low (no tier counts as low). */
  rank: number;
}

/**
 * The services using the databases on a cluster, least critical first. Every critical service on
 * the cluster asks the same question: rules read it through `EvaluationFacts.clusterUses`.
 */
export function clusterUsesOf(
  cluster: SnapshotEntity,
  snapshot: CatalogSnapshot,
  graph: ServiceGraph,
): readonly ClusterUse[] {
  const uses: ClusterUse[] = [];
  for (const database of snapshot.dependentsOf(cluster.ref)) {
    if (database.kind !== 'resource' || database.type !== 'database') continue;
    for (const service of snapshot.dependentsOf(database.ref)) {
      if (!graph.has(service.ref)) continue;
      const tier = readTier(service);
      uses.push({ database, service, tier, rank: tierRank(tier) });
    }
  }
  uses.sort(
    (a, b) =>
      b.rank - a.rank ||
      compareRefs(a.database.ref, b.database.ref) ||
      compareRefs(a.service.ref, b.service.ref),
  );
  return uses;
}
