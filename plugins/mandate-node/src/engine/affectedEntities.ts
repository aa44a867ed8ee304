import { CatalogSnapshot, compareRefs, SnapshotEntity } from '../catalog';
import { DEFAULT_MANDATE_CONFIG } from '../config';
import { ServiceGraph } from '../graph';
import { resourcesOfType } from '../rules/support';

/**
 * Every service whose results may differ between two snapshots that differ in `changedRefs`
 * (entities added, removed or modified): evaluate these with `entityRefs` and store them in
 * place of their previous results (dropping those no longer services); every other result
 * stays valid. This is what the backend does after a catalog change.
 *
 * Neighbourhood facts depend on direct neighbours only: what names the changed entity or is
 * named by it, one hop further for teams (members), APIs and databases (other users, databases
 * sharing their clusters). Graph facts (cycles, tier inversion, SLA budget) of a service
 * depend on everything downstream of it, so when a service node or its edges change (the
 * changed service itself, or the consumers and providers of a changed API), every service
 * upstream of it in the old or the new graph is affected too.
 *
 * @public
 */
export function affectedEntities(
  previous: CatalogSnapshot,
  next: CatalogSnapshot,
  changedRefs: Iterable<string>,
  serviceTypes: readonly string[] = DEFAULT_MANDATE_CONFIG.serviceTypes,
): string[] {
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

  const affected = new Set<string>();
  for (const snapshot of [previous, next]) {
    const graph = ServiceGraph.of(snapshot, serviceTypes);
    for (const ref of localSeeds) if (graph.has(ref)) affected.add(ref);
    const services = [...graphSeeds].filter(ref => graph.has(ref));
    for (const ref of graph.upstreamOf(services)) affected.add(ref);
  }
  return [...affected].sort(compareRefs);
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

  // What it names, one hop further for the groups a user joins (their services see a new
  // team size), APIs and databases. A user listed in `spec.members` counts whether or not it
  // exists, so a group listing it needs no second hop.
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
