import { Entity } from '@backstage/catalog-model';
import { compareRefs } from './compareRefs';
import { LayeredMap } from './LayeredMap';
import { parseRef } from './parseRef';
import { RefLink, SnapshotEntity, toSnapshotEntity } from './SnapshotEntity';
import { SnapshotInput } from './SnapshotInput';

/**
 * The reverse relations Backstage's processors compute (dependencyOf, apiProvidedBy,
 * apiConsumedBy, hasMember, ownerOf) plus the mandate annotations that name entities.
 */
type Visit = (ref: string | undefined) => void;
const eachLink = (links: RefLink[], visit: Visit) => {
  for (const link of links) visit(link.ref);
};
const REVERSE_INDEXES = {
  dependents: (e: SnapshotEntity, visit: Visit) => eachLink(e.dependsOn, visit),
  providers: (e: SnapshotEntity, visit: Visit) =>
    eachLink(e.providesApis, visit),
  consumers: (e: SnapshotEntity, visit: Visit) =>
    eachLink(e.consumesApis, visit),
  memberOfUsers: (e: SnapshotEntity, visit: Visit) =>
    eachLink(e.memberOf, visit),
  memberListers: (e: SnapshotEntity, visit: Visit) =>
    eachLink(e.members, visit),
  owned: (e: SnapshotEntity, visit: Visit) => visit(e.owner),
  onCallFor: (e: SnapshotEntity, visit: Visit) => visit(e.onCall),
  softDependents: (e: SnapshotEntity, visit: Visit) =>
    e.softDependencies.forEach(visit),
} as const;

type IndexName = keyof typeof REVERSE_INDEXES;
type ReverseIndexes = Record<IndexName, LayeredMap<readonly SnapshotEntity[]>>;

const INDEX_NAMES = Object.keys(REVERSE_INDEXES) as IndexName[];
const EMPTY: readonly SnapshotEntity[] = [];

/** What a derived snapshot knows about the one it was derived from. */
export interface SnapshotDerivation {
  /** Held weakly: a chain of snapshots must not keep old catalogs alive. */
  parent: WeakRef<CatalogSnapshot>;
  /** Refs added, removed or replaced. */
  changed: ReadonlySet<string>;
}

/**
 * An immutable view of the catalog at one moment, with the relations Backstage's processors
 * would compute. Rules read it; they never walk the whole catalog, so the indexes are built
 * once here. `withChanges` derives the next snapshot after a few entities changed at a cost
 * proportional to the change, sharing everything else.
 *
 * @public
 */
export class CatalogSnapshot {
  #warnings: string[] = [];
  #entities: SnapshotEntity[] = [];
  /** For a derived snapshot: the entity list is materialised from the parent's on demand. */
  #pendingEntities?: {
    base: readonly SnapshotEntity[];
    changes: Map<string, SnapshotEntity | undefined>;
  };
  #byRef = new LayeredMap<SnapshotEntity>();
  #indexes: ReverseIndexes = emptyIndexes();
  #derivation?: SnapshotDerivation;
  readonly #services = new Map<string, readonly SnapshotEntity[]>();
  readonly #teamMembers = new Map<string, ReadonlySet<string>>();
  readonly #derived = new Map<string, unknown>();

  /** Builds a snapshot from plain entities, without side data (runbooks, read errors). */
  static fromEntities(entities: Iterable<Entity>): CatalogSnapshot {
    return new CatalogSnapshot(Array.from(entities, entity => ({ entity })));
  }

  /**
   * Parses a ref typed by a user (CLI `--entity`, REST path) the way the catalog would, with
   * default kind `component` and namespace `default`.
   */
  static normalizeRef(
    ref: string,
    defaultKind = 'component',
  ): string | undefined {
    return parseRef(ref, { defaultKind, defaultNamespace: 'default' });
  }

  constructor(inputs: Iterable<SnapshotInput>) {
    const lists = new Map<IndexName, Map<string, SnapshotEntity[]>>(
      INDEX_NAMES.map(name => [name, new Map()]),
    );
    for (const input of inputs) {
      const entity = this.#read(input);
      if (!entity) continue;
      const first = this.#byRef.get(entity.ref);
      if (first) {
        this.#warnings.push(
          `duplicate entity ${entity.ref}${where(
            input.source,
          )}: ignored, the one${where(first.source)} wins`,
        );
        continue;
      }
      this.#byRef.set(entity.ref, entity);
      this.#entities.push(entity);
      for (const name of INDEX_NAMES) {
        const index = lists.get(name)!;
        REVERSE_INDEXES[name](entity, target => {
          if (!target) return;
          const list = index.get(target);
          if (!list) index.set(target, [entity]);
          else if (list[list.length - 1] !== entity) list.push(entity);
        });
      }
    }
    for (const name of INDEX_NAMES) {
      for (const [target, list] of lists.get(name)!) {
        if (list.length > 1) list.sort(byRef);
        this.#indexes[name].set(target, list);
      }
    }
  }

  /**
   * The snapshot after some entities were added or replaced (`upsert`, matched by ref) and
   * others removed (`remove`, by ref). This snapshot is left as it was.
   */
  withChanges(changes: {
    upsert?: Iterable<SnapshotInput>;
    remove?: Iterable<string>;
  }): CatalogSnapshot {
    const next = new CatalogSnapshot([]);
    next.#warnings = [...this.#warnings];
    next.#byRef = new LayeredMap(this.#byRef);
    next.#indexes = Object.fromEntries(
      INDEX_NAMES.map(name => [name, new LayeredMap(this.#indexes[name])]),
    ) as ReverseIndexes;

    const replaced = new Map<string, SnapshotEntity | undefined>();
    for (const ref of changes.remove ?? [])
      replaced.set(ref.toLowerCase(), undefined);
    for (const input of changes.upsert ?? []) {
      const entity = next.#read(input);
      if (entity) replaced.set(entity.ref, entity);
    }

    for (const [ref, entity] of replaced) {
      const old = this.#byRef.get(ref);
      next.#byRef.set(ref, entity);
      for (const name of INDEX_NAMES) {
        const index = next.#indexes[name];
        if (old) {
          for (const target of targetsOf(name, old)) {
            index.set(
              target,
              (index.get(target) ?? EMPTY).filter(e => e !== old),
            );
          }
        }
        if (entity) {
          for (const target of targetsOf(name, entity)) {
            const list = [...(index.get(target) ?? EMPTY), entity];
            index.set(target, list.sort(byRef));
          }
        }
      }
    }

    // Entities keep their position, new ones come last; the list is only built when asked for.
    const pending = this.#pendingEntities;
    const accumulated = new Map(pending?.changes);
    for (const [ref, entity] of replaced) accumulated.set(ref, entity);
    next.#pendingEntities = {
      base: pending ? pending.base : this.#entities,
      changes: accumulated,
    };
    next.#entities = [];
    // A long chain of derivations without anyone listing the entities: settle the list.
    if (accumulated.size > 1024) void next.entities;

    next.#derivation = {
      parent: new WeakRef(this),
      changed: new Set(replaced.keys()),
    };
    return next;
  }

  /** Why some inputs were skipped or overridden (e.g. duplicate refs: the first one wins). */
  get warnings(): readonly string[] {
    return this.#warnings;
  }

  /** Every entity, in input order (duplicates dropped). */
  get entities(): readonly SnapshotEntity[] {
    const pending = this.#pendingEntities;
    if (pending) {
      const seen = new Set<string>();
      const entities: SnapshotEntity[] = [];
      for (const entity of pending.base) {
        if (!pending.changes.has(entity.ref)) {
          entities.push(entity);
          continue;
        }
        const replacement = pending.changes.get(entity.ref);
        if (replacement) entities.push(replacement);
        seen.add(entity.ref);
      }
      for (const [ref, entity] of pending.changes) {
        if (entity && !seen.has(ref)) entities.push(entity);
      }
      this.#entities = entities;
      this.#pendingEntities = undefined;
    }
    return this.#entities;
  }

  get size(): number {
    return this.entities.length;
  }

  /** Set on snapshots made by `withChanges`, so that derived facts can be patched too. */
  /**
   * A fact derived from this snapshot alone (e.g. its service graph), computed on first use
   * and kept as long as the snapshot: the snapshot is immutable, so the fact never goes stale.
   */
  derived<T>(key: string, compute: () => T): T {
    if (!this.#derived.has(key)) this.#derived.set(key, compute());
    return this.#derived.get(key) as T;
  }

  /** A derived fact if it was computed, without computing it. */
  peekDerived<T>(key: string): T | undefined {
    return this.#derived.get(key) as T | undefined;
  }

  get derivation(): SnapshotDerivation | undefined {
    return this.#derivation;
  }

  /** The entity with this normalised ref. */
  get(ref: string | undefined): SnapshotEntity | undefined {
    return ref === undefined ? undefined : this.#byRef.get(ref);
  }

  /** The entity a link points at, if it resolves. */
  resolve(link: { ref?: string }): SnapshotEntity | undefined {
    return this.get(link.ref);
  }

  /** Components whose `spec.type` is one of `serviceTypes` (exact match), sorted by ref. */
  services(serviceTypes: readonly string[]): readonly SnapshotEntity[] {
    const key = serviceTypes.join('\u0000');
    let services = this.#services.get(key);
    if (!services) {
      const types = new Set(serviceTypes);
      const isService = (e: SnapshotEntity | undefined): e is SnapshotEntity =>
        e?.kind === 'component' && e.type !== undefined && types.has(e.type);
      const parent = this.#derivation?.parent.deref();
      const base = parent ? parent.#services.get(key) : undefined;
      if (parent && base) {
        // The parent's list is sorted: drop the changed, then insert the changed services.
        const changed = this.#derivation!.changed;
        const list = base.filter(e => !changed.has(e.ref));
        for (const ref of changed) {
          const entity = this.get(ref);
          if (isService(entity))
            list.splice(sortedIndex(list, entity.ref), 0, entity);
        }
        services = list;
      } else {
        services = this.entities.filter(isService).sort(byRef);
      }
      this.#services.set(key, services);
    }
    return services;
  }

  /** Entities whose `spec.dependsOn` names this ref (the `dependencyOf` relation). */
  dependentsOf(ref: string): readonly SnapshotEntity[] {
    return this.#indexes.dependents.get(ref) ?? EMPTY;
  }

  /** Entities whose `spec.providesApis` names this API ref (`apiProvidedBy`). */
  providersOf(apiRef: string): readonly SnapshotEntity[] {
    return this.#indexes.providers.get(apiRef) ?? EMPTY;
  }

  /** Entities whose `spec.consumesApis` names this API ref (`apiConsumedBy`). */
  consumersOf(apiRef: string): readonly SnapshotEntity[] {
    return this.#indexes.consumers.get(apiRef) ?? EMPTY;
  }

  /**
   * A group's members: the union of `spec.members` and the Users whose `spec.memberOf` names
   * it. A listed member counts even if that User does not exist; child groups' members do not.
   */
  teamMembers(groupRef: string): ReadonlySet<string> {
    let members = this.#teamMembers.get(groupRef);
    if (!members) {
      const set = new Set<string>();
      for (const link of this.get(groupRef)?.members ?? []) {
        if (link.ref) set.add(link.ref);
      }
      for (const user of this.#indexes.memberOfUsers.get(groupRef) ?? EMPTY)
        set.add(user.ref);
      members = set;
      this.#teamMembers.set(groupRef, members);
    }
    return members;
  }

  /**
   * Refs of the entities that name `ref` in any field the rules read (owner, relations,
   * members, mandate.dev annotations): what a change of `ref` can affect directly.
   */
  referrersOf(ref: string): ReadonlySet<string> {
    const referrers = new Set<string>();
    for (const name of INDEX_NAMES) {
      for (const entity of this.#indexes[name].get(ref) ?? EMPTY)
        referrers.add(entity.ref);
    }
    return referrers;
  }

  #read(input: SnapshotInput): SnapshotEntity | undefined {
    let entity: SnapshotEntity | undefined;
    try {
      entity = toSnapshotEntity(input);
    } catch (e) {
      // One malformed entity (e.g. a self-referencing YAML alias) must not sink the catalog.
      this.#warnings.push(
        `skipped an unreadable entity${where(input.source)}: ${
          (e as Error).message
        }`,
      );
      return undefined;
    }
    if (!entity) {
      this.#warnings.push(
        `skipped an entity without a string kind and metadata.name${where(
          input.source,
        )}`,
      );
    }
    return entity;
  }
}

function emptyIndexes(): ReverseIndexes {
  return Object.fromEntries(
    INDEX_NAMES.map(name => [
      name,
      new LayeredMap<readonly SnapshotEntity[]>(),
    ]),
  ) as ReverseIndexes;
}

/** The distinct refs an entity names in one relation. */
function targetsOf(name: IndexName, entity: SnapshotEntity): Set<string> {
  const targets = new Set<string>();
  REVERSE_INDEXES[name](entity, ref => {
    if (ref) targets.add(ref);
  });
  return targets;
}

/** Where `ref` belongs in a list sorted by ref (binary search). */
function sortedIndex(list: readonly SnapshotEntity[], ref: string): number {
  let low = 0;
  let high = list.length;
  while (low < high) {
    const mid = (low + high) >>> 1;
    if (compareRefs(list[mid].ref, ref) < 0) low = mid + 1;
    else high = mid;
  }
  return low;
}

function byRef(a: SnapshotEntity, b: SnapshotEntity): number {
  return compareRefs(a.ref, b.ref);
}

function where(source: string | undefined): string {
  return source ? ` (${source})` : '';
}
