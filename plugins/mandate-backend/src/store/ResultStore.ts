import { Knex } from 'knex';
import { randomUUID } from 'node:crypto';
import {
  EntityReport,
  HistoryPoint,
  Level,
  ReportQuery,
  RuleResult,
  Tier,
} from '@mandate-dev/plugin-mandate-common';
import { LevelChangeStore, PreviousLevels } from './LevelChangeStore';
import { isReadable, ReadableRefs } from './ReadableRefs';
import { StoredReport } from './StoredReport';

const ENTITIES = 'mandate_entities';
const RULE_RESULTS = 'mandate_rule_results';
const HISTORY = 'mandate_history';
const META = 'mandate_meta';
const VERSION_KEY = 'results_version';
const SEED_KEY = 'history_seed';

/** Rows per INSERT: well under SQLite's and PostgreSQL's bind-parameter limits. */
const CHUNK = 200;

/** The columns of a service's latest report that summaries and filters read. */
export interface ScoreRow {
  entityRef: string;
  owner: string | null;
  tier: Tier | null;
  system: string | null;
  lifecycle: string | null;
  level: Level;
  score: number;
  /** ruleId -> status after waivers. */
  statuses: Record<string, RuleResult['status']>;
  evaluatedAt: string;
}

export type ReportFilter = Omit<ReportQuery, 'offset' | 'limit'>;

/** The scores of one owner's services on one history day. */
export interface OwnerScores {
  scoreSum: number;
  count: number;
}

/** The scores of one owner's services of one tier on one history day. */
export interface TrendScores extends OwnerScores {
  day: string;
  /** `none` for services without one. */
  owner: string;
  tier: Tier | null;
}

/** A history row written by a seeder; owner and tier are the service's current ones. */
export interface SeededHistoryRow {
  entityRef: string;
  day: string;
  owner: string | null;
  tier: Tier | null;
  score: number;
  level: Level;
}

/**
 * Reads the waivers in force inside a writer's transaction and returns what applies them to
 * a report whose results are the raw (unwaived) ones.
 */
export type Waiving = (
  tx: Knex.Transaction,
) => Promise<(report: EntityReport) => EntityReport>;

/**
 * Latest results and daily history of every service. Every write happens in one transaction:
 * readers see the previous evaluation or the new one, never half of each. Every writer bumps
 * the version first: that row lock serialises the writers of results on PostgreSQL (SQLite
 * has one writer anyway), so a rescore and an evaluation never interleave.
 */
export class ResultStore {
  // Not a #private field: tests derive failing stores with Object.create.
  private writesCommitted = 0;

  constructor(private readonly db: Knex) {}

  /**
   * How many writes that bump the version this instance has committed: a cache in this
   * process can see its own writes without asking the database (whose single SQLite
   * connection may be held by a long write).
   */
  get committedWrites(): number {
    return this.writesCommitted;
  }

  /**
   * Stores an evaluation. `scope: 'all'` replaces every stored service (services that vanished
   * from the catalog disappear); otherwise only `evaluatedRefs` are replaced or removed.
   * With `waiving`, the waived figures are recomputed from the raw results under the results
   * lock, so a waiver change committed while the evaluation ran is not overwritten.
   */
  async write(
    evaluated: StoredReport[],
    scope: 'all' | { evaluatedRefs: string[] },
    waiving?: Waiving,
  ): Promise<void> {
    await this.db.transaction(async tx => {
      this.countOnCommit(tx);
      await bumpVersion(tx);
      const waive = await waiving?.(tx);
      const previous = await previousStates(
        tx,
        scope === 'all' ? 'all' : scope.evaluatedRefs,
      );
      if (scope === 'all') {
        await tx(ENTITIES).delete();
      } else {
        for (const refs of chunks(scope.evaluatedRefs)) {
          await tx(ENTITIES).whereIn('entity_ref', refs).delete();
        }
      }
      // A few services at a time, rows made as they are inserted: a write of 10,000 services
      // then never holds the event loop for long (see insertChunked). A service's rule rows
      // (one per rule, for filtering) are rewritten only when one of its statuses changed:
      // most of a scheduled full evaluation changes none, and they are most of its rows.
      const reports: EntityReport[] = [];
      for (const stored of chunks(evaluated)) {
        const waived = waive
          ? stored.map(r => ({
              ...r,
              report: waive({ ...r.report, results: r.rawResults }),
            }))
          : stored;
        const changed = waived.filter(
          r =>
            previous.get(r.report.entityRef)?.statuses !==
            statusesJson(r.report),
        );
        await deleteRuleRows(
          tx,
          changed.map(r => r.report.entityRef).filter(ref => previous.has(ref)),
        );
        await insertChunked(tx, ENTITIES, waived.map(entityRow));
        await insertChunked(tx, RULE_RESULTS, changed.flatMap(ruleRows));
        await upsertHistory(
          tx,
          waived.map(r => historyRow(r.report, r.evaluatedAt)),
        );
        reports.push(...waived.map(r => r.report));
      }
      // Services stored before and gone from this evaluation lose their rule rows too.
      const kept = new Set(reports.map(r => r.entityRef));
      await deleteRuleRows(
        tx,
        [...previous.keys()].filter(ref => !kept.has(ref)),
      );
      // One evaluation shares one time; the changes commit with the results.
      await LevelChangeStore.record(
        tx,
        levelsOf(previous),
        reports,
        evaluated[0]?.evaluatedAt ?? new Date().toISOString(),
      );
    });
  }

  /**
   * Recomputes the waived figures of these services from their stored raw results, in `tx`
   * or a transaction of its own. It takes the results lock before it reads, so it always
   * works on the latest evaluation and no evaluation writes until it commits; `waiving` is
   * called after the lock, so it sees every waiver committed before.
   */
  async rewaive(
    entityRefs: string[],
    waiving: Waiving,
    at: string,
    tx?: Knex.Transaction,
  ): Promise<EntityReport[]> {
    const work = async (t: Knex.Transaction) => {
      this.countOnCommit(t);
      await bumpVersion(t);
      const stored = await this.getMany(entityRefs, t);
      const waive = await waiving(t);
      const reports = stored.map(s =>
        waive({ ...s.report, results: s.rawResults }),
      );
      await this.updateWaived(reports, at, t);
      return reports;
    };
    return tx ? work(tx) : this.db.transaction(work);
  }

  /** Replaces the waived figures of services whose waivers changed, in `tx` or its own. */
  async updateWaived(
    reports: EntityReport[],
    at: string,
    tx?: Knex.Transaction,
  ): Promise<void> {
    const work = async (t: Knex.Transaction) => {
      this.countOnCommit(t);
      await bumpVersion(t);
      const previous = await previousStates(
        t,
        reports.map(r => r.entityRef),
      );
      for (const report of reports) {
        await nextTurn();
        const statuses = statusesJson(report);
        await t(ENTITIES)
          .where('entity_ref', report.entityRef)
          .update({
            // The raw results stay what they were: a null one meant "as the results".
            raw_results: t.raw('coalesce(??, ??)', ['raw_results', 'results']),
            results: JSON.stringify(report.results),
            statuses,
            level: report.level,
            score: report.score,
          });
        if (previous.get(report.entityRef)?.statuses === statuses) continue;
        await deleteRuleRows(t, [report.entityRef]);
        await insertChunked(t, RULE_RESULTS, ruleRowsOf(report));
      }
      await upsertHistory(
        t,
        reports.map(r => historyRow(r, at)),
      );
      // Only services that are stored can change level: a rescore never adds one.
      await LevelChangeStore.record(
        t,
        levelsOf(previous),
        reports.filter(r => previous.has(r.entityRef)),
        at,
      );
    };
    await (tx ? work(tx) : this.db.transaction(work));
  }

  /** Changes with every write: equal versions mean equal stored results. */
  async version(): Promise<string> {
    const row = await this.db(META).where('key', VERSION_KEY).first();
    return row?.value ?? 'empty';
  }

  async get(entityRef: string): Promise<StoredReport | undefined> {
    const row = await this.db(ENTITIES).where('entity_ref', entityRef).first();
    return row ? fromRow(row) : undefined;
  }

  async getMany(
    entityRefs: string[],
    tx?: Knex.Transaction,
  ): Promise<StoredReport[]> {
    const result: StoredReport[] = [];
    for (const refs of chunks(entityRefs)) {
      const rows = await (tx ?? this.db)(ENTITIES).whereIn('entity_ref', refs);
      result.push(...rows.map(fromRow));
    }
    return result;
  }

  /**
   * One page of the reports matching the filter, in ref order. `readable` restricts the list to
   * the services the caller may see; the total counts only those.
   */
  async list(
    filter: ReportFilter,
    page: { offset: number; limit: number },
    readable: ReadableRefs = 'all',
  ): Promise<{ total: number; items: StoredReport[] }> {
    if (readable !== 'all') {
      const rows: { entity_ref: string }[] = await this.filtered(filter)
        .select('entity_ref')
        .orderBy('entity_ref');
      const refs = rows
        .map(row => row.entity_ref)
        .filter(ref => readable.has(ref));
      const pageRefs = refs.slice(page.offset, page.offset + page.limit);
      const byRef = new Map(
        (await this.getMany(pageRefs)).map(stored => [
          stored.report.entityRef,
          stored,
        ]),
      );
      return {
        total: refs.length,
        items: pageRefs.flatMap(ref => byRef.get(ref) ?? []),
      };
    }
    const [{ count }] = await this.filtered(filter).count({ count: '*' });
    const rows = await this.filtered(filter)
      .select('*')
      .orderBy('entity_ref')
      .offset(page.offset)
      .limit(page.limit);
    return { total: Number(count), items: rows.map(fromRow) };
  }

  /**
   * Every stored report matching the filter (and readable by the caller), in ref order, for the
   * CSV export.
   */
  async *iterate(
    filter: ReportFilter,
    readable: ReadableRefs = 'all',
  ): AsyncGenerator<StoredReport> {
    let after = '';
    for (;;) {
      const rows = await this.filtered(filter)
        .select('*')
        .where('entity_ref', '>', after)
        .orderBy('entity_ref')
        .limit(500);
      if (rows.length === 0) return;
      for (const row of rows) {
        if (isReadable(readable, row.entity_ref)) yield fromRow(row);
      }
      after = rows[rows.length - 1].entity_ref;
    }
  }

  /** The figures of every service matching the filter, for summaries. */
  async scores(filter: ReportFilter): Promise<ScoreRow[]> {
    const rows: any[] = await this.filtered(filter).select(
      'entity_ref',
      'owner',
      'tier',
      'system',
      'lifecycle',
      'level',
      'score',
      'statuses',
      'evaluated_at',
    );
    return rows.map(row => ({
      entityRef: row.entity_ref,
      owner: row.owner,
      tier: row.tier,
      system: row.system,
      lifecycle: row.lifecycle,
      level: row.level,
      score: Number(row.score),
      statuses: JSON.parse(row.statuses),
      evaluatedAt: row.evaluated_at,
    }));
  }

  async entityHistory(
    entityRef: string,
    from: string,
    to: string,
  ): Promise<HistoryPoint[]> {
    const rows = await this.db(HISTORY)
      .where('entity_ref', entityRef)
      .whereBetween('day', [from, to])
      .orderBy('day')
      .select('day', 'score', 'level');
    return rows.map(row => ({
      day: row.day,
      score: Number(row.score),
      level: row.level,
    }));
  }

  /** Per day: the mean score and level counts of the services (of one owner, if given). */
  async groupHistory(
    owner: string | undefined,
    from: string,
    to: string,
  ): Promise<{ day: string; level: Level; count: number; scoreSum: number }[]> {
    const query = this.db(HISTORY).whereBetween('day', [from, to]);
    if (owner) query.where('owner', owner);
    const rows: any[] = await query
      .select('day', 'level')
      .count({ count: '*' })
      .sum({ scoreSum: 'score' })
      .groupBy('day', 'level')
      .orderBy('day');
    return rows.map(row => ({
      day: String(row.day),
      level: row.level as Level,
      count: Number(row.count),
      scoreSum: Number(row.scoreSum),
    }));
  }

  /**
   * Sum of the scores and number of services per owner (`none` for services without one) on the
   * latest history day at or before `day`: the means of teams and of the organisation that day.
   */
  async ownerScoresOn(day: string): Promise<Map<string, OwnerScores>> {
    const row = await this.db(HISTORY)
      .where('day', '<=', day)
      .max({ day: 'day' })
      .first();
    const found = row?.day as string | undefined;
    if (!found) return new Map();
    const rows: any[] = await this.db(HISTORY)
      .where('day', found)
      .select('owner')
      .sum({ scoreSum: 'score' })
      .count({ count: '*' })
      .groupBy('owner');
    return new Map(
      rows.map(r => [
        r.owner === null ? 'none' : String(r.owner),
        { scoreSum: Number(r.scoreSum), count: Number(r.count) },
      ]),
    );
  }

  /** The daily figures of these services between two days, for campaign burn-downs. */
  async historyOf(
    entityRefs: string[],
    from: string,
    to: string,
  ): Promise<
    {
      entityRef: string;
      day: string;
      level: Level;
      statuses: Record<string, RuleResult['status']>;
    }[]
  > {
    const result = [];
    for (const refs of chunks(entityRefs)) {
      const rows: any[] = await this.db(HISTORY)
        .whereIn('entity_ref', refs)
        .whereBetween('day', [from, to])
        .select('entity_ref', 'day', 'level', 'statuses');
      result.push(
        ...rows.map(row => ({
          entityRef: row.entity_ref as string,
          day: String(row.day),
          level: row.level as Level,
          statuses: JSON.parse(row.statuses),
        })),
      );
    }
    return result;
  }

  /** Score sums and counts per owner and tier on each of `days`: the teams' trends. */
  async trendScoresOn(days: string[]): Promise<TrendScores[]> {
    const result: TrendScores[] = [];
    for (const some of chunks(days)) {
      const rows: any[] = await this.db(HISTORY)
        .whereIn('day', some)
        .select('day', 'owner', 'tier')
        .sum({ scoreSum: 'score' })
        .count({ count: '*' })
        .groupBy('day', 'owner', 'tier');
      for (const r of rows) {
        result.push({
          day: String(r.day),
          owner: r.owner === null ? 'none' : String(r.owner),
          tier: r.tier ?? null,
          scoreSum: Number(r.scoreSum),
          count: Number(r.count),
        });
      }
    }
    return result;
  }

  /** The refs of every stored service, e.g. to rescore all when an announcement changes. */
  async refs(tx?: Knex.Transaction): Promise<string[]> {
    const rows = await (tx ?? this.db)(ENTITIES)
      .select('entity_ref')
      .orderBy('entity_ref');
    return rows.map(row => row.entity_ref);
  }

  /** Whether any recorded (not seeded) history is older than `day`. */
  async hasRecordedHistoryBefore(day: string): Promise<boolean> {
    const row = await this.db(HISTORY)
      .where('day', '<', day)
      .where('seeded', false)
      .first('day');
    return row !== undefined;
  }

  /** What the seeded history was made from (see replaceSeededHistory); undefined if none. */
  async historySeedFingerprint(): Promise<string | undefined> {
    const row = await this.db(META).where('key', SEED_KEY).first();
    return row?.value;
  }

  /**
   * Replaces every seeded history row with these, never a recorded one, and remembers what
   * they were made from. Seeded rows carry no rule statuses (`{}`): they stand for a past
   * nobody evaluated. Bumps the version, so that cached summaries see the new history.
   */
  async replaceSeededHistory(
    rows: SeededHistoryRow[],
    fingerprint: string,
  ): Promise<void> {
    await this.db.transaction(async tx => {
      this.countOnCommit(tx);
      await bumpVersion(tx);
      await tx(HISTORY).where('seeded', true).delete();
      for (const chunk of chunks(rows)) {
        await tx(HISTORY)
          .insert(
            chunk.map(row => ({
              entity_ref: row.entityRef,
              day: row.day,
              owner: row.owner,
              tier: row.tier,
              score: row.score,
              level: row.level,
              statuses: '{}',
              seeded: true,
            })),
          )
          .onConflict(['entity_ref', 'day'])
          .ignore();
      }
      await tx(META)
        .insert({ key: SEED_KEY, value: fingerprint })
        .onConflict('key')
        .merge();
    });
  }

  async pruneHistory(beforeDay: string): Promise<number> {
    return this.db(HISTORY).where('day', '<', beforeDay).delete();
  }

  /** Counts `tx` once it commits (a caller's transaction commits after this store's work). */
  private countOnCommit(tx: Knex.Transaction) {
    tx.executionPromise.then(
      () => this.writesCommitted++,
      // The caller sees the failure; a rolled-back write changed nothing.
      () => {},
    );
  }

  private filtered(filter: ReportFilter): Knex.QueryBuilder {
    const query = this.db(ENTITIES);
    if (filter.owner) query.where('owner', filter.owner);
    if (filter.tier === 'none') query.whereNull('tier');
    else if (filter.tier) query.where('tier', filter.tier);
    if (filter.level) query.where('level', filter.level);
    if (filter.system) query.where('system', filter.system);
    if (filter.lifecycle) query.where('lifecycle', filter.lifecycle);
    if (filter.ruleId || filter.status) {
      const matching = this.db(RULE_RESULTS).select('entity_ref');
      if (filter.ruleId) matching.where('rule_id', filter.ruleId);
      if (filter.status) matching.where('status', filter.status);
      query.whereIn('entity_ref', matching);
    }
    return query;
  }
}

function entityRow(stored: StoredReport) {
  const { report } = stored;
  const results = JSON.stringify(report.results);
  const raw = JSON.stringify(stored.rawResults);
  return {
    entity_ref: report.entityRef,
    owner: report.owner,
    tier: report.tier,
    system: stored.system,
    lifecycle: stored.lifecycle,
    title: stored.title ?? null,
    level: report.level,
    score: report.score,
    raw_results: raw === results ? null : raw,
    results,
    statuses: statusesJson(report),
    evaluated_at: stored.evaluatedAt,
  };
}

function ruleRows(stored: StoredReport) {
  return ruleRowsOf(stored.report);
}

function ruleRowsOf(report: EntityReport) {
  return report.results.map(result => ({
    entity_ref: report.entityRef,
    rule_id: result.ruleId,
    status: result.status,
  }));
}

function statusesOf(report: EntityReport) {
  return Object.fromEntries(report.results.map(r => [r.ruleId, r.status]));
}

/** The statuses column: compared as text with the stored one to skip unchanged rule rows. */
function statusesJson(report: EntityReport): string {
  return JSON.stringify(statusesOf(report));
}

/** What a write compares against: a stored service's level and statuses (JSON, as stored). */
type PreviousStates = Map<string, { level: Level; statuses: string }>;

/** The stored level and statuses of these services (or of all), read before a write replaces them. */
async function previousStates(
  tx: Knex.Transaction,
  refs: string[] | 'all',
): Promise<PreviousStates> {
  const rows: { entity_ref: string; level: Level; statuses: string }[] = [];
  const columns = ['entity_ref', 'level', 'statuses'];
  if (refs === 'all') rows.push(...(await tx(ENTITIES).select(columns)));
  else {
    for (const chunk of chunks(refs)) {
      rows.push(
        ...(await tx(ENTITIES).whereIn('entity_ref', chunk).select(columns)),
      );
    }
  }
  return new Map(
    rows.map(row => [
      row.entity_ref,
      { level: row.level, statuses: row.statuses },
    ]),
  );
}

function levelsOf(states: PreviousStates): PreviousLevels {
  return new Map([...states].map(([ref, state]) => [ref, state.level]));
}

async function deleteRuleRows(tx: Knex.Transaction, refs: string[]) {
  for (const chunk of chunks(refs)) {
    await nextTurn();
    await tx(RULE_RESULTS).whereIn('entity_ref', chunk).delete();
  }
}

async function bumpVersion(tx: Knex.Transaction) {
  await tx(META)
    .insert({ key: VERSION_KEY, value: randomUUID() })
    .onConflict('key')
    .merge();
}

function historyRow(report: EntityReport, at: string) {
  return {
    entity_ref: report.entityRef,
    day: at.slice(0, 10),
    owner: report.owner,
    tier: report.tier,
    score: report.score,
    level: report.level,
    statuses: statusesJson(report),
    // A recorded day replaces a seeded one.
    seeded: false,
  };
}

function fromRow(row: any): StoredReport {
  return {
    report: {
      entityRef: row.entity_ref,
      owner: row.owner,
      tier: row.tier,
      level: row.level,
      score: Number(row.score),
      results: JSON.parse(row.results),
    },
    // Null: nothing was waived or upcoming, the results are the raw ones.
    rawResults: JSON.parse(row.raw_results ?? row.results),
    ...(row.title ? { title: row.title } : {}),
    system: row.system,
    lifecycle: row.lifecycle,
    evaluatedAt: row.evaluated_at,
  };
}

/**
 * A turn of the event loop before each statement of a long write: better-sqlite3 runs
 * statements synchronously and knex's awaits are microtasks, so without it a write of
 * thousands of rows would keep every request waiting until it commits.
 */
function nextTurn(): Promise<void> {
  return new Promise(resolve => setImmediate(resolve));
}

async function insertChunked(
  tx: Knex.Transaction,
  table: string,
  rows: object[],
) {
  for (const chunk of chunks(rows)) {
    await nextTurn();
    await tx(table).insert(chunk);
  }
}

async function upsertHistory(
  tx: Knex.Transaction,
  rows: ReturnType<typeof historyRow>[],
) {
  for (const chunk of chunks(rows)) {
    await nextTurn();
    await tx(HISTORY).insert(chunk).onConflict(['entity_ref', 'day']).merge();
  }
}

function chunks<T>(items: T[]): T[][] {
  const result: T[][] = [];
  for (let i = 0; i < items.length; i += CHUNK)
    result.push(items.slice(i, i + CHUNK));
  return result;
}
