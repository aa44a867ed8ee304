import { Tier } from '@mandate-dev/plugin-mandate-common';
import { CatalogSnapshot, compareRefs, SnapshotEntity } from '../catalog';
import { readSlo, readTier, tierRank } from '../annotations';
import { stronglyConnectedComponents } from './stronglyConnectedComponents';

/** A service-to-service dependency. @public */
export interface ServiceEdge {
  to: string;
  /** Hard unless every link that makes this edge is listed in `mandate.dev/soft-dependencies`. */
  hard: boolean;
}

/** The cycle a service is on. @public */
export interface ServiceCycle {
  /** Every service of its strongly connected component, sorted. */
  members: string[];
  /** One shortest cycle through the service, starting and ending with it. */
  path: string[];
}

/** What the services reachable through hard edges (the service itself excluded) add up to. @public */
export interface HardReach {
  /** How many services are reachable. */
  count: number;
  /** Product of their SLOs in percent (100 with none), over those that have a valid SLO. */
  compositeSlo: number;
  /** The reachable service with the lowest SLO. */
  weakest?: { ref: string; slo: number };
  /** Reachable services without a valid SLO, sorted. */
  missingSlo: string[];
}

function sameTargets(a: { to: number }[], b: { to: number }[]): boolean {
  return a.length === b.length && a.every((edge, i) => edge.to === b[i].to);
}

/** Beyond this size a component's members are listed but no shortest cycle is searched. */
const MAX_COMPONENT_FOR_PATH = 2000;

/**
 * The service graph of rulebook section 2: nodes are services only; A -> B when A dependsOn B
 * or consumes an API that B provides. Facts (components, reachability) are computed once per
 * snapshot and memoised, so that per-service rules stay cheap.
 *
 * @public
 */
export class ServiceGraph {
  readonly services: readonly SnapshotEntity[];
  readonly #snapshot: CatalogSnapshot;
  readonly #indexOf: Map<string, number>;
  readonly #out: { to: number; hard: boolean }[][];
  readonly #in: number[][];
  readonly #slo: (number | undefined)[];
  readonly #tier: (Tier | undefined)[];
  #components?: { componentOf: Int32Array; componentSizes: number[] };
  readonly #cycles = new Map<number, ServiceCycle | null>();
  readonly #componentMembers = new Map<number, string[]>();
  readonly #reach = new Map<number, HardReach>();
  readonly #inversions = new Map<number, string[] | null>();
  // Scratch space for breadth-first searches, reused through a generation stamp.
  readonly #seen: Uint32Array;
  readonly #parent: Int32Array;
  #generation = 0;

  /**
   * The graph of a snapshot for a list of service types; built once and kept by the snapshot
   * (`CatalogSnapshot.derived`), no module-level cache. For a
   * snapshot derived with `withChanges` from one whose graph exists, only the edges the change
   * can touch are recomputed.
   */
  static of(
    snapshot: CatalogSnapshot,
    serviceTypes: readonly string[],
  ): ServiceGraph {
    const key = `serviceGraph:${serviceTypes.join('\u0000')}`;
    return snapshot.derived(key, () => {
      const parent = snapshot.derivation?.parent
        .deref()
        ?.peekDerived<ServiceGraph>(key);
      return new ServiceGraph(snapshot, serviceTypes, parent);
    });
  }

  constructor(
    snapshot: CatalogSnapshot,
    serviceTypes: readonly string[],
    parent?: ServiceGraph,
  ) {
    this.#snapshot = snapshot;
    this.services = snapshot.services(serviceTypes);
    const n = this.services.length;
    this.#seen = new Uint32Array(n);
    this.#parent = new Int32Array(n);

    const changed = snapshot.derivation?.changed;
    if (parent && changed && this.#sameNodes(parent, changed, serviceTypes)) {
      // Same services in the same order: patch the edges of the services the change touches.
      this.#indexOf = parent.#indexOf;
      const dirty = this.#dirtyNodes(parent, changed);
      this.#out = parent.#out.slice();
      this.#slo = parent.#slo.slice();
      this.#tier = parent.#tier.slice();
      for (const i of dirty) {
        this.#out[i] = this.#edgesOf(this.services[i]);
        this.#slo[i] = readSlo(this.services[i]);
        this.#tier[i] = readTier(this.services[i]);
      }
      this.#in = parent.#in.slice();
      const touched = new Set<number>();
      for (const i of dirty) {
        for (const edge of parent.#out[i]) touched.add(edge.to);
        for (const edge of this.#out[i]) touched.add(edge.to);
      }
      for (const to of touched) {
        this.#in[to] = this.#in[to].filter(from => !dirty.has(from));
      }
      for (const from of dirty) {
        for (const { to } of this.#out[from]) this.#in[to].push(from);
      }
      // Components only depend on which edges exist: an annotation change keeps them.
      const sameEdges = [...dirty].every(i =>
        sameTargets(parent.#out[i], this.#out[i]),
      );
      if (sameEdges) this.#components = parent.#components;
      return;
    }

    this.#indexOf = new Map();
    this.services.forEach((service, i) => this.#indexOf.set(service.ref, i));
    this.#slo = this.services.map(readSlo);
    this.#tier = this.services.map(readTier);
    this.#out = this.services.map(service => this.#edgesOf(service));
    this.#in = Array.from({ length: n }, () => []);
    this.#out.forEach((edges, from) => {
      for (const { to } of edges) this.#in[to].push(from);
    });
  }

  /** Outgoing edges of one service: dependsOn services, and providers of consumed APIs. */
  #edgesOf(service: SnapshotEntity): { to: number; hard: boolean }[] {
    const snapshot = this.#snapshot;
    // Several links may make one edge; it is hard when any of them is.
    const hardness = new Map<number, boolean>();
    const link = (target: number | undefined, soft: boolean) => {
      if (target === undefined) return;
      hardness.set(target, (hardness.get(target) ?? false) || !soft);
    };
    for (const dep of service.dependsOn) {
      if (!dep.ref) continue;
      link(this.#indexOf.get(dep.ref), service.softDependencies.has(dep.ref));
    }
    for (const api of service.consumesApis) {
      if (!api.ref || snapshot.get(api.ref)?.kind !== 'api') continue;
      const apiIsSoft = service.softDependencies.has(api.ref);
      for (const provider of snapshot.providersOf(api.ref)) {
        link(
          this.#indexOf.get(provider.ref),
          apiIsSoft || service.softDependencies.has(provider.ref),
        );
      }
    }
    return [...hardness]
      .sort((a, b) => a[0] - b[0])
      .map(([to, hard]) => ({ to, hard }));
  }

  /**
   * True when no changed entity became or stopped being a service: the sorted node list is
   * then the parent's, and so are the node indexes.
   */
  #sameNodes(
    parent: ServiceGraph,
    changed: ReadonlySet<string>,
    serviceTypes: readonly string[],
  ): boolean {
    if (parent.services.length !== this.services.length) return false;
    for (const ref of changed) {
      const entity = this.#snapshot.get(ref);
      const isNode =
        entity?.kind === 'component' &&
        entity.type !== undefined &&
        serviceTypes.includes(entity.type);
      if (parent.#indexOf.has(ref) !== isNode) return false;
    }
    return true;
  }

  /**
   * Services whose own edges or facts a change can alter: changed services, and the consumers
   * of changed APIs and of every API a changed service provides (before or after).
   */
  #dirtyNodes(parent: ServiceGraph, changed: ReadonlySet<string>): Set<number> {
    const previous = parent.#snapshot;
    const dirty = new Set<number>();
    const consumersOf = (apiRef: string | undefined) => {
      if (!apiRef) return;
      for (const snapshot of [previous, this.#snapshot]) {
        for (const consumer of snapshot.consumersOf(apiRef)) {
          const i = this.#indexOf.get(consumer.ref);
          if (i !== undefined) dirty.add(i);
        }
      }
    };
    for (const ref of changed) {
      const i = this.#indexOf.get(ref);
      if (i !== undefined) dirty.add(i);
      for (const entity of [previous.get(ref), this.#snapshot.get(ref)]) {
        if (!entity) continue;
        if (entity.kind === 'api') consumersOf(entity.ref);
        for (const api of entity.providesApis) consumersOf(api.ref);
      }
    }
    return dirty;
  }

  has(ref: string): boolean {
    return this.#indexOf.has(ref);
  }

  /** The service's outgoing edges, sorted by target ref. */
  edgesFrom(ref: string): ServiceEdge[] {
    const i = this.#indexOf.get(ref);
    if (i === undefined) return [];
    return this.#out[i].map(({ to, hard }) => ({
      to: this.services[to].ref,
      hard,
    }));
  }

  /** Services with an edge (hard or soft) to this one. */
  dependentsOf(ref: string): string[] {
    const i = this.#indexOf.get(ref);
    return i === undefined
      ? []
      : this.#in[i].map(from => this.services[from].ref);
  }

  /** Services that can reach any of `refs` (hard or soft edges), the starting ones included. */
  upstreamOf(refs: Iterable<string>): Set<string> {
    const result = new Set<string>();
    const queue: number[] = [];
    for (const ref of refs) {
      const i = this.#indexOf.get(ref);
      if (i !== undefined && !result.has(ref)) {
        result.add(ref);
        queue.push(i);
      }
    }
    for (let head = 0; head < queue.length; head++) {
      for (const from of this.#in[queue[head]]) {
        const ref = this.services[from].ref;
        if (!result.has(ref)) {
          result.add(ref);
          queue.push(from);
        }
      }
    }
    return result;
  }

  /** The cycle the service is on (hard or soft edges; a self-loop counts), if any. */
  cycleOf(ref: string): ServiceCycle | undefined {
    const i = this.#indexOf.get(ref);
    if (i === undefined) return undefined;
    let cycle = this.#cycles.get(i);
    if (cycle === undefined) {
      cycle = this.#findCycle(i);
      this.#cycles.set(i, cycle);
    }
    return cycle ?? undefined;
  }

  /** SLO facts about the services reachable from this one through hard edges. */
  hardReach(ref: string): HardReach | undefined {
    const i = this.#indexOf.get(ref);
    if (i === undefined) return undefined;
    let reach = this.#reach.get(i);
    if (!reach) {
      reach = this.#computeHardReach(i);
      this.#reach.set(i, reach);
    }
    return reach;
  }

  /**
   * The shortest path through hard edges from the service to one with a less critical tier
   * (or with no tier, whatever its own tier: rulebook v1.1), or undefined when there is none or the service has no tier.
   */
  tierInversion(ref: string): { path: string[]; labels: string[] } | undefined {
    const i = this.#indexOf.get(ref);
    if (i === undefined || this.#tier[i] === undefined) return undefined;
    let path = this.#inversions.get(i);
    if (path === undefined) {
      path = this.#findInversion(i);
      this.#inversions.set(i, path);
    }
    if (!path) return undefined;
    return {
      path,
      labels: path.map(r => {
        const tier = this.#tier[this.#indexOf.get(r)!];
        return `${r} (${tier ?? 'no tier'})`;
      }),
    };
  }

  #componentsOf() {
    if (!this.#components) {
      this.#components = stronglyConnectedComponents(
        this.#out.map(edges => edges.map(e => e.to)),
      );
    }
    return this.#components;
  }

  #findCycle(start: number): ServiceCycle | null {
    const { componentOf, componentSizes } = this.#componentsOf();
    const component = componentOf[start];
    const selfLoop = this.#out[start].some(e => e.to === start);
    if (componentSizes[component] === 1 && !selfLoop) return null;

    let members = this.#componentMembers.get(component);
    if (!members) {
      const found: string[] = [];
      this.#bfs(
        start,
        () => true,
        to => componentOf[to] === component,
        v => {
          found.push(this.services[v].ref);
          return false;
        },
      );
      members = found.sort(compareRefs);
      this.#componentMembers.set(component, members);
    }
    if (selfLoop) {
      const ref = this.services[start].ref;
      return { members, path: [ref, ref] };
    }
    if (componentSizes[component] > MAX_COMPONENT_FOR_PATH)
      return { members, path: [] };

    // The shortest way back to `start`: search from start, stop at the first edge into it.
    let closing = -1;
    this.#bfs(
      start,
      () => true,
      to => componentOf[to] === component,
      v => {
        if (this.#out[v].some(e => e.to === start)) {
          closing = v;
          return true;
        }
        return false;
      },
    );
    const path = this.#pathTo(closing);
    path.push(this.services[start].ref);
    return { members, path };
  }

  #computeHardReach(start: number): HardReach {
    let count = 0;
    let compositeSlo = 100;
    let weakest: HardReach['weakest'];
    const missingSlo: string[] = [];
    this.#bfs(
      start,
      edge => edge.hard,
      to => to !== start,
      v => {
        if (v === start) return false;
        count++;
        const slo = this.#slo[v];
        const ref = this.services[v].ref;
        if (slo === undefined) {
          missingSlo.push(ref);
        } else {
          compositeSlo *= slo / 100;
          if (
            !weakest ||
            slo < weakest.slo ||
            (slo === weakest.slo && compareRefs(ref, weakest.ref) < 0)
          ) {
            weakest = { ref, slo };
          }
        }
        return false;
      },
    );
    missingSlo.sort(compareRefs);
    return { count, compositeSlo, weakest, missingSlo };
  }

  #findInversion(start: number): string[] | null {
    const rank = tierRank(this.#tier[start]);
    let found = -1;
    this.#bfs(
      start,
      edge => edge.hard,
      to => to !== start,
      v => {
        // Rulebook v1.1: a reachable service with no tier always offends, whatever the
        // service's own tier: nobody has decided how critical it is.
        const tier = this.#tier[v];
        if (v !== start && (tier === undefined || tierRank(tier) > rank)) {
          found = v;
          return true;
        }
        return false;
      },
    );
    return found === -1 ? null : this.#pathTo(found);
  }

  /**
   * Breadth-first search from `start` in edge order, recording parents so that the first node
   * `visit` accepts yields a shortest path. `visit` returns true to stop.
   */
  #bfs(
    start: number,
    follow: (edge: { to: number; hard: boolean }) => boolean,
    admit: (to: number) => boolean,
    visit: (v: number) => boolean,
  ): void {
    const generation = ++this.#generation;
    const seen = this.#seen;
    const parent = this.#parent;
    seen[start] = generation;
    parent[start] = -1;
    const queue = [start];
    for (let head = 0; head < queue.length; head++) {
      const v = queue[head];
      if (visit(v)) return;
      for (const edge of this.#out[v]) {
        if (seen[edge.to] === generation || !follow(edge) || !admit(edge.to))
          continue;
        seen[edge.to] = generation;
        parent[edge.to] = v;
        queue.push(edge.to);
      }
    }
  }

  /** The path the last search took from its start to `v`, as refs. */
  #pathTo(v: number): string[] {
    const path: string[] = [];
    for (let u = v; u !== -1; u = this.#parent[u])
      path.push(this.services[u].ref);
    return path.reverse();
  }
}
