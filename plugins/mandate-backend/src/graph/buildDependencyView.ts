import {
  DependencyView,
  GraphNeighbour,
} from '@mandate-dev/plugin-mandate-common';
import {
  CatalogSnapshot,
  readSlo,
  readTier,
  ServiceGraph,
} from '@mandate-dev/plugin-mandate-node';

/**
 * A service's place in the dependency graph, from the facts the engine computes: what it
 * depends on and what depends on it (hard or soft), the composite availability of its hard
 * dependencies, the tier inversion path, and how many services would feel it fail.
 */
export function buildDependencyView(
  entityRef: string,
  snapshot: CatalogSnapshot,
  graph: ServiceGraph,
): DependencyView | undefined {
  if (!graph.has(entityRef)) return undefined;

  const neighbour = (ref: string, hard: boolean): GraphNeighbour => {
    const entity = snapshot.get(ref);
    return {
      entityRef: ref,
      tier: (entity && readTier(entity)) ?? null,
      slo: (entity && readSlo(entity)) ?? null,
      hard,
    };
  };

  const reach = graph.hardReach(entityRef);
  const complete = reach !== undefined && reach.missingSlo.length === 0;
  const dependents = graph.dependentsOf(entityRef);
  const self = neighbour(entityRef, true);

  return {
    entityRef,
    tier: self.tier,
    slo: self.slo,
    dependencies: graph
      .edgesFrom(entityRef)
      .map(edge => neighbour(edge.to, edge.hard)),
    dependents: dependents.map(ref =>
      neighbour(
        ref,
        graph.edgesFrom(ref).some(e => e.to === entityRef && e.hard),
      ),
    ),
    compositeAvailability: complete ? reach.compositeSlo : null,
    weakestLink: reach?.weakest?.ref ?? null,
    tierInversionPath: graph.tierInversion(entityRef)?.path ?? null,
    blastRadius: {
      direct: dependents.length,
      transitive: graph.upstreamOf([entityRef]).size - 1,
    },
  };
}
