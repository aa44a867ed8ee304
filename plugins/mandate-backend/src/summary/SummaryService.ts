import { Summary } from '@mandate-dev/plugin-mandate-common';
import {
  OwnerScores,
  ReportFilter,
  ResultStore,
  ScoreRow,
  TrendScores,
} from '../store/ResultStore';
import { buildSummary } from './buildSummary';
import { DEFAULT_REQUIRED_LEVELS, RequiredLevels } from './readRequiredLevels';

const DAY_MS = 24 * 60 * 60 * 1000;
const MAX_CACHED_SUMMARIES = 200;
/** A sparkline of 30 points, one every 3 days: the last quarter, ending today. */
const TREND_POINTS = 30;
const TREND_STEP_DAYS = 3;
/** How stale the known version may get before a request has it re-read (in the background). */
const VERSION_MAX_AGE_MS = 1000;

/**
 * Answers GET /summary from an in-memory copy of every service's figures, reloaded only when
 * the stored results changed (the store's version changes with every write, whichever replica
 * wrote). Filtering 10,000 rows in memory is far cheaper than aggregating them in SQL per request.
 *
 * A request does not wait to read the version either: on SQLite that read queues behind an
 * evaluation's write transaction on the one connection (about a second at 10,000 services).
 * Writes by this process's store are seen by the next request (it counts them as they commit);
 * writes by other replicas show within about VERSION_MAX_AGE_MS, the version being re-read in
 * the background while requests are answered from the rows of the last known one.
 */
export class SummaryService {
  #version: { value: string; writes: number; readAt: number } | undefined;
  #versionRead: { writes: number; value: Promise<string> } | undefined;
  #rows: { version: string; rows: Promise<ScoreRow[]> } | undefined;
  /** Summaries already computed from the current rows, by filter and day. */
  #summaries = new Map<string, { summary: Summary; json?: string }>();
  #history:
    | {
        key: string;
        history: Promise<{
          ownerScores30dAgo: Map<string, OwnerScores>;
          trendScores: TrendScores[];
        }>;
      }
    | undefined;

  constructor(
    private readonly results: ResultStore,
    private readonly ruleIds: string[],
    private readonly requiredLevels: RequiredLevels = DEFAULT_REQUIRED_LEVELS,
    /** Milliseconds now: only how old the known version is; tests move it. */
    private readonly clock: () => number = Date.now,
  ) {}

  async summary(filter: ReportFilter, now: Date): Promise<Summary> {
    return (await this.#entry(filter, now)).summary;
  }

  /**
   * The summary as JSON, serialised once per cached summary: with its teams' trends the
   * document of 10,000 services is about 1 MB, whose stringify would cost every request.
   */
  async summaryJson(filter: ReportFilter, now: Date): Promise<string> {
    const entry = await this.#entry(filter, now);
    entry.json ??= JSON.stringify(entry.summary);
    return entry.json;
  }

  async #entry(filter: ReportFilter, now: Date) {
    const day = isoDay(now, 30);
    const trendDays = Array.from({ length: TREND_POINTS }, (_, i) =>
      isoDay(now, (TREND_POINTS - 1 - i) * TREND_STEP_DAYS),
    );
    const { version, rows } = await this.#allRows();
    const { ownerScores30dAgo, trendScores } = await this.#historyOn(
      day,
      trendDays.slice(0, -1),
      version,
    );
    const key = JSON.stringify([
      version,
      day,
      filter.owner,
      filter.tier,
      filter.system,
      filter.lifecycle,
    ]);
    let entry = this.#summaries.get(key);
    if (!entry) {
      const summary = buildSummary({
        rows: rows.filter(row => matches(row, filter)),
        filter,
        ruleIds: this.ruleIds,
        ownerScores30dAgo,
        requiredLevels: this.requiredLevels,
        trend: { days: trendDays, scores: trendScores },
      });
      // Filters are few in practice; the bound only protects against a client looping over owners.
      if (this.#summaries.size >= MAX_CACHED_SUMMARIES) this.#summaries.clear();
      entry = { summary };
      this.#summaries.set(key, entry);
    }
    return entry;
  }

  async #allRows(): Promise<{ version: string; rows: ScoreRow[] }> {
    const version = await this.#currentVersion();
    if (this.#rows?.version !== version) {
      const rows = this.results.scores({});
      this.#rows = { version, rows };
      this.#summaries.clear();
      rows.catch(() => {
        if (this.#rows?.rows === rows) this.#rows = undefined;
      });
    }
    return { version, rows: await this.#rows.rows };
  }

  /** The last known version while no local write committed since; else a fresh read. */
  async #currentVersion(): Promise<string> {
    const writes = this.results.committedWrites;
    const known = this.#version;
    if (known?.writes !== writes) return this.#readVersion(writes);
    if (this.clock() - known.readAt >= VERSION_MAX_AGE_MS) {
      // A failed background read is retried by a later request.
      this.#readVersion(writes).catch(() => {});
    }
    return known.value;
  }

  /** One read in flight per count of local writes; it began after those had committed. */
  #readVersion(writes: number): Promise<string> {
    if (this.#versionRead?.writes === writes) return this.#versionRead.value;
    const readAt = this.clock();
    const value = this.results.version().then(version => {
      // A read begun before a later local write must not replace what that one's read saw.
      if ((this.#version?.writes ?? -1) <= writes)
        this.#version = { value: version, writes, readAt };
      return version;
    });
    this.#versionRead = { writes, value };
    const done = () => {
      if (this.#versionRead?.value === value) this.#versionRead = undefined;
    };
    value.then(done, done);
    return value;
  }

  /**
   * History older than today changes only when a seeder adds some (which bumps the version),
   * so the past figures are loaded once per day and version.
   */
  async #historyOn(day: string, trendDays: string[], version: string) {
    const key = JSON.stringify([day, trendDays[0], version]);
    if (this.#history?.key !== key) {
      const history = Promise.all([
        this.results.ownerScoresOn(day),
        this.results.trendScoresOn(trendDays),
      ]).then(([ownerScores30dAgo, trendScores]) => ({
        ownerScores30dAgo,
        trendScores,
      }));
      this.#history = { key, history };
      history.catch(() => {
        if (this.#history?.history === history) this.#history = undefined;
      });
    }
    return this.#history.history;
  }
}

function isoDay(now: Date, daysAgo: number): string {
  return new Date(now.getTime() - daysAgo * DAY_MS).toISOString().slice(0, 10);
}

/** The dashboard's filters (the summary is over every level and rule by definition). */
function matches(row: ScoreRow, filter: ReportFilter): boolean {
  return (
    (!filter.owner || row.owner === filter.owner) &&
    (!filter.tier || (row.tier ?? 'none') === filter.tier) &&
    (!filter.system || row.system === filter.system) &&
    (!filter.lifecycle || row.lifecycle === filter.lifecycle)
  );
}
