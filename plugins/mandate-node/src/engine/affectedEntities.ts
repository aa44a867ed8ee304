import { CatalogSnapshot, compareRefs, SnapshotEntity } from '../catalog';
import { DEFAULT_MANDATE_CONFIG } from '../config';
import { ServiceGraph } from '../graph';
import { resourcesOfType } from '../rules/support';

/** The services a change can affect, by how far the effect travels. */
export interface AffectedServices {
  /**
   * Services whose own data or direct neighbours changed: every rule may give a new result.
   */
  local: string[];
  /**
   * The other services upstream of a changed service node or edge: only rules that read the
   * service graph beyond the neighbours (`scope: 'graph'`) may give a new result.
   */
  upstream: string[];
}

/**
 * The services whose results may differ between two snapshots that differ in `changedRefs`
 * (entities added, removed or modified), split by how far the effect travels.
 *
 * Local facts depend on direct neighbours only: what names the changed entity or is named by
 * it, one hop further for teams (members), APIs and databases (other users, databases sharing
 * their clusters). Graph facts (cycles, tier inversion, SLA budget) of a service depend on
 * everything downstream of it, so when a service node or its edges change (the changed
 * service itself, or the consumers and providers of a changed API), every service upstream of
 * it in the old or the new graph is affected too, but only through graph rules.
 */
export function classifyAffected(
  previous: CatalogSnapshot,
  next: CatalogSnapshot,
  changedRefs: Iterable<string>,
  serviceTypes: readonly string[] = DEFAULT_MANDATE_CONFIG.serviceTypes,
): AffectedServices {
  const graphSeeds = new Set<string>();
  const localSeeds = new Set<string>();
  for (const changed of changedRefs) {
    const ref = changed.toLowerCase();
    for (const snapshot of [previous, next]) {
      graphSeeds.add(ref);
      if (snapshot.get(ref)?.kind === 'api') {
        for (const referrer of snapshot.referrersOf(ref)) {
          graphSeeds.add(referrer);
        }
      }
      collectLocalSeeds(snapshot, ref, localSeeds);
    }
  }

  const local = new Set<string>();
  const upstream = new Set<string>();
  for (const snapshot of [previous, next]) {
    const graph = ServiceGraph.of(snapshot, serviceTypes);
    for (const ref of localSeeds) if (graph.has(ref)) local.add(ref);
    const services = [...graphSeeds].filter(ref => graph.has(ref));
    for (const ref of graph.upstreamOf(services)) upstream.add(ref);
  }
  for (const ref of local) upstream.delete(ref);
  return {
    local: [...local].sort(compareRefs),
    upstream: [...upstream].sort(compareRefs),
  };
}

/**
 * Every service whose results may differ between two snapshots that differ in `changedRefs`:
 * evaluate these with `entityRefs` and fold the result into the previous report with
 * `mergeReports`; every other result stays valid. `updateReport` does the same with less work.
 */
export function affectedEntities(
  previous: CatalogSnapshot,
  next: CatalogSnapshot,
  changedRefs: Iterable<string>,
  serviceTypes: readonly string[] = DEFAULT_MANDATE_CONFIG.serviceTypes,
): string[] {
  const { local, upstream } = classifyAffected(
    previous,
    next,
    changedRefs,
    serviceTypes,
  );
  return [...local, ...upstream].sort(compareRefs);
}

function collectLocalSeeds(
  snapshot: CatalogSnapshot,
  ref: string,
  seeds: Set<string>,
) {
  const addReferrers = (target: string) => {
    for (const referrer of snapshot.referrersOf(target)) seeds.add(referrer);
  };
  const addClusterUsers = (cluster: SnapshotEntity) => {
    for (const db of snapshot.dependentsOf(cluster.ref)) {
      for (const user of snapshot.dependentsOf(db.ref)) seeds.add(user.ref);
    }
  };
  // Services sharing a cluster with this database see a change in its users' tiers.
  const addClusterNeighbours = (database: SnapshotEntity) => {
    for (const cluster of resourcesOfType(
      database,
      snapshot,
      'database-cluster',
    )) {
      addClusterUsers(cluster);
    }
  };

  seeds.add(ref);
  addReferrers(ref);
  const entity = snapshot.get(ref);
  if (!entity) return;

  // Groups listing a changed user: their services see a new team size.
  for (const referrer of snapshot.referrersOf(ref)) {
    if (snapshot.get(referrer)?.kind === 'group') addReferrers(referrer);
  }
  for (const link of [
    ...entity.dependsOn,
    ...entity.providesApis,
    ...entity.memberOf,
  ]) {
    if (!link.ref) continue;
    seeds.add(link.ref);
    const target = snapshot.get(link.ref);
    if (!target) continue;
    if (target.kind === 'api' || target.kind === 'group')
      addReferrers(target.ref);
    if (target.kind === 'resource' && target.type === 'database') {
      addReferrers(target.ref);
      addClusterNeighbours(target);
    }
  }
  if (entity.kind === 'resource' && entity.type === 'database')
    addClusterNeighbours(entity);
  if (entity.kind === 'resource' && entity.type === 'database-cluster')
    addClusterUsers(entity);
}
