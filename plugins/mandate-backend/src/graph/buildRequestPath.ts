import {
  RequestPathEdge,
  RequestPathLayer,
  RequestPathNode,
  RequestPathView,
} from '@mandate-dev/plugin-mandate-common';
import {
  CatalogSnapshot,
  compareRefs,
  MANDATE_ANNOTATIONS,
  MandateConfig,
  readSlo,
  readTier,
  ServiceGraph,
  SnapshotEntity,
  tierRank,
} from '@mandate-dev/plugin-mandate-node';
import { keepaliveProblem } from './keepaliveProblem';
import { layerOf } from './layerOf';

/** How far the walk goes from the centre, in hops, up and down. */
export const MAX_REQUEST_PATH_DEPTH = 12;
/** The most hops one view shows; a larger path is cut (and says so). */
export const MAX_REQUEST_PATH_NODES = 150;

export interface RequestPathOptions
  extends Pick<MandateConfig, 'serviceTypes' | 'platformTemplates'> {
  maxDepth?: number;
  maxNodes?: number;
}

/**
 * The request path through a service or an access-layer entity (gateway, load balancer, CDN),
 * from the facts the engine computes:
 * - upstream, the access-layer entities that reach the centre through chains of `dependsOn`
 *   between access-layer entities (a CDN -> load balancer -> gateway -> service chain);
 * - downstream, what the centre calls: an access-layer entity's `dependsOn` targets, and a
 *   service's service-graph edges (dependsOn and consumed APIs). Hard dependencies are followed
 *   transitively; a soft dependency is shown but not followed, since a request survives losing
 *   it. Every service followed brings its databases, and every database its clusters.
 * Edges carry the keep-alive problems of the keep-alive rule (raw `dependsOn` edges only, as
 * the rule reads them) and the tier inversions of the tier-inversion rule, one hard edge at a
 * time. Undefined when the entity is neither a service nor an access-layer entity.
 */
export function buildRequestPath(
  entityRef: string,
  snapshot: CatalogSnapshot,
  graph: ServiceGraph,
  options: RequestPathOptions,
): RequestPathView | undefined {
  const { serviceTypes, platformTemplates } = options;
  const maxDepth = options.maxDepth ?? MAX_REQUEST_PATH_DEPTH;
  const maxNodes = options.maxNodes ?? MAX_REQUEST_PATH_NODES;
  const centre = snapshot.get(entityRef);
  const centreLayer = centre && layerOf(centre, serviceTypes);
  if (!centre || (centreLayer !== 'service' && centreLayer !== 'access')) {
    return undefined;
  }

  const nodes = new Map<
    string,
    { node: RequestPathNode; entity: SnapshotEntity; distance: number }
  >();
  const edges = new Map<string, RequestPathEdge>();
  let truncated = false;

  /**
   * Puts the hop in the view at `distance` unless it is there already; false when it is not
   * there and cannot be, beyond the bounds.
   */
  const place = (
    entity: SnapshotEntity,
    layer: RequestPathLayer,
    distance: number,
  ): boolean => {
    if (nodes.has(entity.ref)) return true;
    if (Math.abs(distance) > maxDepth || nodes.size >= maxNodes) {
      truncated = true;
      return false;
    }
    nodes.set(entity.ref, {
      node: toNode(entity, layer, platformTemplates),
      entity,
      distance,
    });
    return true;
  };

  const addEdge = (from: SnapshotEntity, to: SnapshotEntity, soft: boolean) => {
    const key = `${from.ref}\u0000${to.ref}`;
    const existing = edges.get(key);
    if (existing) {
      // Several links make one edge; it is hard when any of them is.
      existing.soft = existing.soft && soft;
      return;
    }
    const edge: RequestPathEdge = { from: from.ref, to: to.ref, soft };
    // The keep-alive rule reads raw dependsOn edges, not consumed-API ones.
    if (from.dependsOn.some(link => link.ref === to.ref)) {
      const problem = keepaliveProblem(from, to);
      if (problem) edge.keepaliveProblem = problem;
    }
    edges.set(key, edge);
  };

  place(centre, centreLayer, 0);

  // Upstream: the access layer in front of the centre.
  const upstream: SnapshotEntity[] = [centre];
  for (let head = 0; head < upstream.length; head++) {
    const callee = upstream[head];
    const distance = nodes.get(callee.ref)!.distance - 1;
    for (const caller of snapshot.dependentsOf(callee.ref)) {
      if (layerOf(caller, serviceTypes) !== 'access') continue;
      const known = nodes.has(caller.ref);
      if (!place(caller, 'access', distance)) continue;
      addEdge(caller, callee, caller.softDependencies.has(callee.ref));
      if (!known) upstream.push(caller);
    }
  }

  // Downstream: breadth first, so that each hop sits at its shortest distance.
  const expanded = new Set<string>([centre.ref]);
  const queue: SnapshotEntity[] = [centre];
  const follow = (from: SnapshotEntity, to: SnapshotEntity, soft: boolean) => {
    const layer = layerOf(to, serviceTypes);
    if (!layer) return;
    if (!place(to, layer, nodes.get(from.ref)!.distance + 1)) return;
    addEdge(from, to, soft);
    // A soft dependency is a leaf, followed only when some hop depends on it hard.
    if (!soft && !expanded.has(to.ref)) {
      expanded.add(to.ref);
      queue.push(to);
    }
  };
  for (let head = 0; head < queue.length; head++) {
    const from = queue[head];
    const layer = nodes.get(from.ref)!.node.layer;
    if (layer === 'infrastructure') continue;
    if (layer === 'service') {
      for (const edge of graph.edgesFrom(from.ref)) {
        follow(from, snapshot.get(edge.to)!, !edge.hard);
      }
    }
    for (const dependency of from.dependsOn) {
      const to = snapshot.resolve(dependency);
      if (!to) continue;
      const toLayer = layerOf(to, serviceTypes);
      // A service's services come from the service graph above; a database only leads to
      // its clusters.
      if (layer === 'service' && toLayer === 'service') continue;
      if (layer === 'data' && toLayer !== 'infrastructure') continue;
      follow(from, to, from.softDependencies.has(to.ref));
    }
  }

  for (const edge of edges.values()) {
    const from = nodes.get(edge.from)!.node;
    const to = nodes.get(edge.to)!.node;
    if (
      !edge.soft &&
      from.layer === 'service' &&
      to.layer === 'service' &&
      from.tier !== null &&
      (to.tier === null || tierRank(to.tier) > tierRank(from.tier))
    ) {
      edge.tierInversion = true;
    }
  }

  const ordered = [...nodes.values()].sort(
    (a, b) =>
      a.distance - b.distance ||
      compareRefs(a.node.entityRef, b.node.entityRef),
  );
  return {
    entityRef: centre.ref,
    nodes: ordered.map(entry => entry.node),
    edges: [...edges.values()].sort(
      (a, b) => compareRefs(a.from, b.from) || compareRefs(a.to, b.to),
    ),
    truncated,
  };
}

function toNode(
  entity: SnapshotEntity,
  layer: RequestPathLayer,
  platformTemplates: readonly string[] | undefined,
): RequestPathNode {
  const title = entity.entity.metadata.title;
  const template = entity.annotations[MANDATE_ANNOTATIONS.platformTemplate];
  const keepalive = entity.annotations[MANDATE_ANNOTATIONS.keepaliveTimeout];
  return {
    entityRef: entity.ref,
    kind: entity.kind,
    type: entity.type ?? null,
    layer,
    title:
      typeof title === 'string' && title.trim() !== ''
        ? title
        : entity.entity.metadata.name,
    tier: readTier(entity) ?? null,
    slo: readSlo(entity) ?? null,
    platformTemplate:
      template === undefined
        ? null
        : {
            name: template,
            approved: platformTemplates
              ? platformTemplates.includes(template.trim())
              : null,
          },
    keepaliveTimeout: keepalive ?? null,
  };
}
