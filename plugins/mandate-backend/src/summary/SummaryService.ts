import { Summary } from '@mandate-dev/plugin-mandate-common';
import {
  OwnerScores,
  ReportFilter,
  ResultStore,
  ScoreRow,
} from '../store/ResultStore';
import { buildSummary } from './buildSummary';

const DAY_MS = 24 * 60 * 60 * 1000;
const MAX_CACHED_SUMMARIES = 200;

/**
 * Answers GET /summary from an in-memory copy of every service's figures, reloaded only when
 * the stored results changed (the store's version changes with every write, whichever replica
 * wrote). Filtering 10,000 rows in memory is far cheaper than aggregating them in SQL per request.
 */
export class SummaryService {
  #rows: { version: string; rows: Promise<ScoreRow[]> } | undefined;
  /** Summaries already computed from the current rows, by filter and day. */
  #summaries = new Map<string, Summary>();
  #ownerScores:
    | { day: string; scores: Promise<Map<string, OwnerScores>> }
    | undefined;

  constructor(
    private readonly results: ResultStore,
    private readonly ruleIds: string[],
  ) {}

  async summary(filter: ReportFilter, now: Date): Promise<Summary> {
    const day = new Date(now.getTime() - 30 * DAY_MS)
      .toISOString()
      .slice(0, 10);
    const [{ version, rows }, ownerScores30dAgo] = await Promise.all([
      this.#allRows(),
      this.#ownerScoresOn(day),
    ]);
    const key = JSON.stringify([
      version,
      day,
      filter.owner,
      filter.tier,
      filter.system,
      filter.lifecycle,
    ]);
    let summary = this.#summaries.get(key);
    if (!summary) {
      summary = buildSummary({
        rows: rows.filter(row => matches(row, filter)),
        filter,
        ruleIds: this.ruleIds,
        ownerScores30dAgo,
      });
      // Filters are few in practice; the bound only protects against a client looping over owners.
      if (this.#summaries.size >= MAX_CACHED_SUMMARIES) this.#summaries.clear();
      this.#summaries.set(key, summary);
    }
    return summary;
  }

  async #allRows(): Promise<{ version: string; rows: ScoreRow[] }> {
    const version = await this.results.version();
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

  /** History older than today never changes, so a day's figures are loaded once. */
  async #ownerScoresOn(day: string): Promise<Map<string, OwnerScores>> {
    if (this.#ownerScores?.day !== day) {
      const scores = this.results.ownerScoresOn(day);
      this.#ownerScores = { day, scores };
      scores.catch(() => {
        if (this.#ownerScores?.scores === scores) this.#ownerScores = undefined;
      });
    }
    return this.#ownerScores.scores;
  }
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
