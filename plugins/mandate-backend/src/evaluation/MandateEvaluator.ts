import { LoggerService } from '@backstage/backend-plugin-api';
import { Knex } from 'knex';
import {
  Entity,
  parseEntityRef,
  stringifyEntityRef,
} from '@backstage/catalog-model';
import {
  EntityReport,
  markUpcoming,
  Report,
  RuleLevels,
  upcomingRules,
  Waiver,
} from '@mandate-dev/plugin-mandate-common';
import {
  affectedEntities,
  analyseDefinitionsInPool,
  ApiDefinitions,
  applyWaivers,
  createApiDefinitions,
  isRuleEnabled,
  CatalogSnapshot,
  DefinitionAnalysisPool,
  evaluateCatalogAsync,
  indexWaivers,
  MandateConfig,
  MandateRule,
  ServiceGraph,
  SnapshotInput,
} from '@mandate-dev/plugin-mandate-node';
import { CampaignStore } from '../campaigns/CampaignStore';
import { ResultStore, Waiving } from '../store/ResultStore';
import { StoredReport } from '../store/StoredReport';
import { WaiverStore } from '../store/WaiverStore';
import { CatalogLoader } from './CatalogLoader';

/** What an evaluation did, for logs and job records. */
export interface EvaluationOutcome {
  evaluated: number;
  removed: number;
}

/** A catalog snapshot and the catalog's fingerprint (ref -> etag) when it was read. */
interface LoadedCatalog {
  snapshot: CatalogSnapshot;
  fingerprint: Map<string, string>;
}

/**
 * Runs the engine over the catalog and stores the results. Keeps the last snapshot and the
 * catalog's fingerprint in memory so that a change of a few entities re-evaluates only the
 * services they can affect. Evaluations in one process run one at a time; across replicas the
 * scheduler's global scope keeps the tasks apart, and each write is one transaction.
 */
export class MandateEvaluator {
  /**
   * The catalog as the stored results reflect it: the base that change detection compares
   * against. It only advances once a write succeeded, so changes whose write failed are found
   * again (and retried) by the next run instead of being dropped.
   */
  #evaluated: LoadedCatalog | undefined;
  /** The freshest snapshot read, for the dependency view. */
  #latest: CatalogSnapshot | undefined;
  #queue: Promise<unknown> = Promise.resolve();
  /** The level of every rule that runs: the only source of levels when scoring. */
  readonly #levels: RuleLevels;
  /** Definition verdicts by content hash, kept for the life of this plugin instance. */
  readonly #definitions: ApiDefinitions;

  constructor(
    private readonly deps: {
      loader: CatalogLoader;
      results: ResultStore;
      waivers: WaiverStore;
      /** The campaigns whose announced rules are upcoming until their enforcement day. */
      campaigns?: CampaignStore;
      config: MandateConfig;
      rules: readonly MandateRule<any>[];
      logger: LoggerService;
      clock?: () => Date;
      /** Worker threads that parse definitions off the main thread (default: on the main thread). */
      definitionPool?: DefinitionAnalysisPool;
    },
  ) {
    this.#levels = new Map(
      deps.rules
        .filter(rule => isRuleEnabled(rule, deps.config))
        .map(rule => [rule.id, rule.level]),
    );
    this.#definitions = createApiDefinitions(deps.rules, deps.config);
  }

  /** The snapshot of the last evaluation, loading the catalog if there was none. */
  async snapshot(): Promise<CatalogSnapshot> {
    return (
      this.#latest ??
      this.#exclusive(async () => (await this.#loadCatalog()).snapshot)
    );
  }

  /**
   * Whether the catalog holds this service now. The latest snapshot may predate it (a service
   * registered since the last change detection), so an unknown ref is read from the catalog.
   */
  async isService(entityRef: string): Promise<boolean> {
    const snapshot = await this.snapshot();
    if (this.graph(snapshot).has(entityRef)) return true;
    const fresh = await this.deps.loader.loadRefs([entityRef]);
    return (
      fresh.length > 0 &&
      this.graph(snapshot.withChanges({ upsert: fresh })).has(entityRef)
    );
  }

  graph(snapshot: CatalogSnapshot): ServiceGraph {
    return ServiceGraph.of(snapshot, this.deps.config.serviceTypes);
  }

  /** Evaluates every service and replaces all stored results. */
  evaluateAll(): Promise<EvaluationOutcome> {
    return this.#exclusive(() => this.#evaluateAllNow());
  }

  /**
   * Re-evaluates what changed in the catalog since the last evaluation: only the services the
   * changed entities can affect. Without a previous evaluation in this process, evaluates all.
   */
  evaluateChanges(): Promise<EvaluationOutcome> {
    return this.#exclusive(async () => {
      const previous = this.#evaluated;
      if (!previous) return this.#evaluateAllNow();
      const fingerprint = await this.deps.loader.fingerprint();
      const changed = changedRefs(previous.fingerprint, fingerprint);
      if (changed.length === 0) return { evaluated: 0, removed: 0 };

      // Only the changed entities are read again; the snapshot shares everything else.
      const snapshot = previous.snapshot.withChanges({
        upsert: await this.deps.loader.loadRefs(
          changed.filter(ref => fingerprint.has(ref)),
        ),
        remove: changed.filter(ref => !fingerprint.has(ref)),
      });
      this.#latest = snapshot;
      const refs = affectedEntities(
        previous.snapshot,
        snapshot,
        changed,
        this.deps.config.serviceTypes,
      );
      const reports = await this.#evaluate(snapshot, refs);
      await this.deps.results.write(
        reports,
        { evaluatedRefs: refs },
        this.#waiving(),
      );
      this.#evaluated = { snapshot, fingerprint };
      return {
        evaluated: reports.length,
        removed: refs.length - reports.length,
      };
    });
  }

  /** Re-evaluates one service against a fresh view of the catalog. */
  evaluateEntity(entityRef: string): Promise<EvaluationOutcome> {
    return this.#exclusive(async () => {
      // Only this service's results are written: the base of change detection stays, so the
      // other changes read here are still found by the next run.
      const { snapshot } = await this.#loadCatalog();
      const reports = await this.#evaluate(snapshot, [entityRef]);
      await this.deps.results.write(
        reports,
        { evaluatedRefs: [entityRef] },
        this.#waiving(),
      );
      return { evaluated: reports.length, removed: 1 - reports.length };
    });
  }

  /**
   * Re-applies the waivers in force to the stored results of these services: in `tx` (the
   * transaction of the waiver change that calls for it, so both commit or neither does) or in
   * a transaction of its own. It works on the latest stored evaluation, never on an older one.
   */
  async rescore(
    entityRefs: string[],
    tx?: Knex.Transaction,
  ): Promise<EntityReport[]> {
    return this.deps.results.rewaive(
      entityRefs,
      this.#waiving(),
      this.now().toISOString(),
      tx,
    );
  }

  /**
   * Re-applies waivers and announcements to every stored service, in `tx`: when a campaign's
   * announcement changes or its enforcement day comes, every service's figures may change.
   */
  async rescoreAll(tx: Knex.Transaction): Promise<EntityReport[]> {
    return this.rescore(await this.deps.results.refs(tx), tx);
  }

  /**
   * Applies the waivers in force and marks the results of rules announced but not enforced
   * yet (they then count toward neither score nor level), both read inside a results writer's
   * transaction after it took the results lock: whatever waiver or campaign change committed
   * before the write is what the write stores.
   */
  #waiving(): Waiving {
    return async tx => {
      const now = this.now();
      // One after the other: both read in the writer's transaction (one connection).
      const waivers = await this.deps.waivers.active(now, undefined, tx);
      const upcoming = await this.#upcoming(now, tx);
      const waiverFor = indexWaivers(waivers, now);
      return report =>
        applyWaivers(
          { ...report, results: markUpcoming(report.results, upcoming) },
          this.#levels,
          waiverFor,
        );
    };
  }

  /** The announced rules not yet enforced on today's (UTC) day, with their enforcement day. */
  async #upcoming(
    now: Date,
    tx?: Knex.Transaction,
  ): Promise<Map<string, string>> {
    if (!this.deps.campaigns) return new Map();
    return upcomingRules(
      await this.deps.campaigns.announcements(tx),
      now.toISOString().slice(0, 10),
    );
  }

  /** The stored report of one service with the waivers in force right now, and those waivers. */
  async current(
    entityRef: string,
  ): Promise<{ stored: StoredReport; waivers: Waiver[] } | undefined> {
    const now = this.now();
    const [stored, waivers, upcoming] = await Promise.all([
      this.deps.results.get(entityRef),
      this.deps.waivers.active(now, entityRef),
      this.#upcoming(now),
    ]);
    if (!stored) return undefined;
    const waiverFor = indexWaivers(waivers, now);
    const report = applyWaivers(
      {
        ...stored.report,
        results: markUpcoming(stored.rawResults, upcoming),
      },
      this.#levels,
      waiverFor,
    );
    return { stored: { ...stored, report }, waivers };
  }

  /**
   * What the catalog would make of these entities: they are laid over the latest snapshot
   * (replacing entities of the same ref) and the services among them are evaluated with the
   * registered rules and the config, without waivers (none can exist for them yet). Read-only:
   * nothing is stored and the snapshot the evaluations work from does not change.
   */
  async check(inputs: SnapshotInput[]): Promise<Report> {
    const snapshot = (await this.snapshot()).withChanges({ upsert: inputs });
    const refs = inputs.map(input =>
      stringifyEntityRef(input.entity).toLowerCase(),
    );
    return this.#evaluateReport(snapshot, refs);
  }

  async #evaluateAllNow(): Promise<EvaluationOutcome> {
    const loaded = await this.#loadCatalog();
    const reports = await this.#evaluate(loaded.snapshot);
    await this.deps.results.write(reports, 'all', this.#waiving());
    this.#evaluated = loaded;
    return { evaluated: reports.length, removed: 0 };
  }

  /**
   * Reads the whole catalog. It becomes the base of change detection only once its results
   * are stored (the callers decide).
   */
  async #loadCatalog(): Promise<LoadedCatalog> {
    const [inputs, fingerprint] = await Promise.all([
      this.deps.loader.load(),
      this.deps.loader.fingerprint(),
    ]);
    const snapshot = new CatalogSnapshot(inputs);
    for (const warning of snapshot.warnings) this.deps.logger.warn(warning);
    this.#latest = snapshot;
    return { snapshot, fingerprint };
  }

  /**
   * The reports of these services (or of all) as the store takes them: unwaived, since the
   * store applies the waivers in force under its lock when it writes them.
   */
  async #evaluate(
    snapshot: CatalogSnapshot,
    entityRefs?: string[],
  ): Promise<StoredReport[]> {
    const raw = await this.#evaluateReport(snapshot, entityRefs);
    return raw.entities.map(report => {
      const entity = snapshot.get(report.entityRef)?.entity;
      return {
        report,
        rawResults: report.results,
        title: entity?.metadata.title,
        system: systemOf(entity),
        lifecycle:
          typeof entity?.spec?.lifecycle === 'string'
            ? entity.spec.lifecycle
            : null,
        evaluatedAt: raw.generatedAt,
      };
    });
  }

  /** The engine's report (raw results, no waivers) of these services, or of all. */
  async #evaluateReport(
    snapshot: CatalogSnapshot,
    entityRefs?: string[],
  ): Promise<Report> {
    const now = this.now();
    // Parsing definitions is the heavy part: done in worker threads, the rules then read cached
    // verdicts, and the rule loop yields between slices so that requests keep being served.
    if (this.deps.definitionPool) {
      try {
        const analysed = await analyseDefinitionsInPool({
          snapshot,
          config: this.deps.config,
          entityRefs,
          definitions: this.#definitions,
          pool: this.deps.definitionPool,
        });
        if (analysed.size > 0) {
          this.deps.logger.info(
            `Analysed ${analysed.size} API definitions in worker threads`,
          );
        }
      } catch (e) {
        // The rules then analyse the remaining definitions on the main thread, within the same limits.
        this.deps.logger.warn(
          `Could not analyse API definitions in worker threads: ${
            (e as Error).message
          }`,
        );
      }
    }
    return evaluateCatalogAsync({
      snapshot,
      config: this.deps.config,
      rules: this.deps.rules,
      now,
      entityRefs,
      apiDefinitions: this.#definitions,
    });
  }

  /** The evaluator's clock: scheduled work that must agree with its scoring reads it. */
  now(): Date {
    return this.deps.clock?.() ?? new Date();
  }

  /** Runs evaluations of this process one after the other. */
  #exclusive<T>(work: () => Promise<T>): Promise<T> {
    const run = this.#queue.then(work, work);
    this.#queue = run.catch(() => undefined);
    return run;
  }
}

function changedRefs(
  before: Map<string, string>,
  after: Map<string, string>,
): string[] {
  const changed: string[] = [];
  for (const [ref, etag] of after)
    if (before.get(ref) !== etag) changed.push(ref);
  for (const ref of before.keys()) if (!after.has(ref)) changed.push(ref);
  return changed;
}

/** `spec.system` as a full, lower-case ref, or null. */
function systemOf(entity: Entity | undefined): string | null {
  const system = entity?.spec?.system;
  if (typeof system !== 'string' || !system.trim()) return null;
  try {
    return stringifyEntityRef(
      parseEntityRef(system, {
        defaultKind: 'system',
        defaultNamespace: entity!.metadata.namespace ?? 'default',
      }),
    ).toLowerCase();
  } catch {
    return null;
  }
}
