import {
  Level,
  LEVELS,
  LevelCounts,
  RULE_LEVELS,
  RuleSummary,
  ScoreGroup,
  Summary,
  TIERS,
} from '@mandate-dev/plugin-mandate-common';
import {
  OwnerScores,
  ReportFilter,
  ScoreRow,
  TrendScores,
} from '../store/ResultStore';
import { RequiredLevels } from './readRequiredLevels';

/**
 * The figures of the leadership dashboard: a team's score is the mean of its services' scores,
 * the organisation's the mean of all services' (rulebook section 3), to one decimal.
 *
 * The 30-day change of a team, and of the organisation, is its score now minus its mean score on
 * the history day closest to (at or before) 30 days ago; null without such a day. The history
 * keeps each service's owner and nothing else the dashboard filters by, so under a filter the
 * organisation figure is the owner's (owner only) or null (tier, system, lifecycle).
 *
 * A team's trend is its mean score on each trend day from the history (that tier's services
 * under a tier filter; none under a system or lifecycle filter), and its score now on the last.
 * A service is at the required level when its level is at or above its tier's requirement.
 */
export function buildSummary(input: {
  /** The services of the filter. */
  rows: ScoreRow[];
  filter: ReportFilter;
  ruleIds: string[];
  /** Scores per owner about 30 days ago, from the history. */
  ownerScores30dAgo: Map<string, OwnerScores>;
  requiredLevels: RequiredLevels;
  /** The trend days (the last is today) and the history's scores on the earlier ones. */
  trend: { days: string[]; scores: TrendScores[] };
}): Summary {
  const { rows, filter, ownerScores30dAgo, requiredLevels } = input;
  const byOwner = groupBy(rows, row => row.owner ?? 'none');
  const byTier = groupBy(rows, row => row.tier ?? 'none');
  const generatedAt = rows.reduce<string | null>(
    (latest, row) =>
      latest === null || row.evaluatedAt > latest ? row.evaluatedAt : latest,
    null,
  );

  const organisation = scoreGroup(rows);
  const trendOf = teamTrends(input.trend, filter);

  return {
    generatedAt,
    organisation: {
      ...organisation,
      change30d: change(
        organisation.score,
        scores30dAgoOf(filter, ownerScores30dAgo),
      ),
      atRequiredLevel: rows.filter(row =>
        isAtRequiredLevel(row, requiredLevels),
      ).length,
    },
    teams: [...byOwner]
      .map(([owner, ownerRows]) => {
        const group = scoreGroup(ownerRows);
        return {
          owner,
          ...group,
          change30d: change(group.score, ownerScores30dAgo.get(owner)),
          ...(trendOf ? { trend: trendOf(owner, group.score) } : {}),
        };
      })
      .sort((a, b) => a.owner.localeCompare(b.owner)),
    tiers: [...TIERS, 'none' as const]
      .filter(tier => byTier.has(tier))
      .map(tier => {
        const tierRows = byTier.get(tier)!;
        return {
          tier,
          ...scoreGroup(tierRows),
          requiredLevel: requiredLevels[tier],
          atRequiredLevel: tierRows.filter(row =>
            isAtRequiredLevel(row, requiredLevels),
          ).length,
        };
      }),
    rules: ruleSummaries(input.ruleIds, rows),
    trendDays: input.trend.days,
  };
}

function isAtRequiredLevel(
  row: { tier: ScoreRow['tier']; level: Level },
  requiredLevels: RequiredLevels,
): boolean {
  const required = requiredLevels[row.tier ?? 'none'];
  return (
    row.level !== 'none' &&
    RULE_LEVELS.indexOf(row.level) >= RULE_LEVELS.indexOf(required)
  );
}

/** Per owner, its trend from the history rows the filter keeps; undefined when none can. */
function teamTrends(
  trend: { days: string[]; scores: TrendScores[] },
  filter: ReportFilter,
): ((owner: string, scoreNow: number) => (number | null)[]) | undefined {
  if (filter.system || filter.lifecycle) return undefined;
  const sums = new Map<string, OwnerScores>();
  for (const row of trend.scores) {
    if (filter.tier && (row.tier ?? 'none') !== filter.tier) continue;
    const key = `${row.owner}\n${row.day}`;
    const sum = sums.get(key) ?? { scoreSum: 0, count: 0 };
    sum.scoreSum += row.scoreSum;
    sum.count += row.count;
    sums.set(key, sum);
  }
  const past = trend.days.slice(0, -1);
  return (owner, scoreNow) => [
    ...past.map(day => {
      const sum = sums.get(`${owner}\n${day}`);
      return sum ? roundScore(sum.scoreSum / sum.count) : null;
    }),
    scoreNow,
  ];
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
