import {
  Level,
  LEVELS,
  LevelCounts,
  RuleSummary,
  ScoreGroup,
  Summary,
  TIERS,
} from '@mandate-dev/plugin-mandate-common';
import { OwnerScores, ReportFilter, ScoreRow } from '../store/ResultStore';

/**
 * The figures of the leadership dashboard: a team's score is the mean of its services' scores,
 * the organisation's the mean of all services' (rulebook section 3), to one decimal.
 *
 * The 30-day change of a team, and of the organisation, is its score now minus its mean score on
 * the history day closest to (at or before) 30 days ago; null without such a day. The history
 * keeps each service's owner and nothing else the dashboard filters by, so under a filter the
 * organisation figure is the owner's (owner only) or null (tier, system, lifecycle).
 */
export function buildSummary(input: {
  /** The services of the filter. */
  rows: ScoreRow[];
  filter: ReportFilter;
  ruleIds: string[];
  /** Scores per owner about 30 days ago, from the history. */
  ownerScores30dAgo: Map<string, OwnerScores>;
}): Summary {
  const { rows, filter, ownerScores30dAgo } = input;
  const byOwner = groupBy(rows, row => row.owner ?? 'none');
  const byTier = groupBy(rows, row => row.tier ?? 'none');
  const generatedAt = rows.reduce<string | null>(
    (latest, row) =>
      latest === null || row.evaluatedAt > latest ? row.evaluatedAt : latest,
    null,
  );

  const organisation = scoreGroup(rows);

  return {
    generatedAt,
    organisation: {
      ...organisation,
      change30d: change(
        organisation.score,
        scores30dAgoOf(filter, ownerScores30dAgo),
      ),
    },
    teams: [...byOwner]
      .map(([owner, ownerRows]) => {
        const group = scoreGroup(ownerRows);
        return {
          owner,
          ...group,
          change30d: change(group.score, ownerScores30dAgo.get(owner)),
        };
      })
      .sort((a, b) => a.owner.localeCompare(b.owner)),
    tiers: [...TIERS, 'none' as const]
      .filter(tier => byTier.has(tier))
      .map(tier => ({ tier, ...scoreGroup(byTier.get(tier)!) })),
    rules: ruleSummaries(input.ruleIds, rows),
  };
}

function change(score: number, before: OwnerScores | undefined): number | null {
  if (!before || before.count === 0) return null;
  return roundScore(score - before.scoreSum / before.count);
}

/** The filtered services' scores 30 days ago, where the history can tell them. */
function scores30dAgoOf(
  filter: ReportFilter,
  ownerScores30dAgo: Map<string, OwnerScores>,
): OwnerScores | undefined {
  if (filter.tier || filter.system || filter.lifecycle) return undefined;
  if (filter.owner) return ownerScores30dAgo.get(filter.owner);
  let total: OwnerScores | undefined;
  for (const { scoreSum, count } of ownerScores30dAgo.values()) {
    total = {
      scoreSum: (total?.scoreSum ?? 0) + scoreSum,
      count: (total?.count ?? 0) + count,
    };
  }
  return total;
}

export function scoreGroup(
  rows: { score: number; level: Level }[],
): ScoreGroup {
  const levels = emptyLevelCounts();
  let sum = 0;
  for (const row of rows) {
    levels[row.level]++;
    sum += row.score;
  }
  return {
    score: rows.length === 0 ? 0 : roundScore(sum / rows.length),
    services: rows.length,
    levels,
  };
}

export function emptyLevelCounts(): LevelCounts {
  return Object.fromEntries(LEVELS.map(level => [level, 0])) as LevelCounts;
}

export function roundScore(value: number): number {
  return Math.round(value * 10) / 10;
}

const STATUS_FIELDS = {
  pass: 'pass',
  fail: 'fail',
  waived: 'waived',
  error: 'error',
  'not-applicable': 'notApplicable',
} as const;

function ruleSummaries(ruleIds: string[], rows: ScoreRow[]): RuleSummary[] {
  return ruleIds.map(ruleId => {
    const summary: RuleSummary = {
      ruleId,
      pass: 0,
      fail: 0,
      waived: 0,
      error: 0,
      notApplicable: 0,
    };
    for (const row of rows) {
      const status = row.statuses[ruleId];
      if (status) summary[STATUS_FIELDS[status]]++;
    }
    return summary;
  });
}

function groupBy<T>(items: T[], key: (item: T) => string): Map<string, T[]> {
  const groups = new Map<string, T[]>();
  for (const item of items) {
    const k = key(item);
    const group = groups.get(k);
    if (group) group.push(item);
    else groups.set(k, [item]);
  }
  return groups;
}
