import {
  Level,
  LEVELS,
  LevelCounts,
  RuleSummary,
  ScoreGroup,
  Summary,
  TIERS,
} from '@internal/plugin-mandate-common';
import { ScoreRow } from '../store/ResultStore';

/**
 * The figures of the leadership dashboard: a team's score is the mean of its services' scores,
 * the organisation's the mean of all services' (rulebook section 3), to one decimal.
 */
export function buildSummary(input: {
  rows: ScoreRow[];
  ruleIds: string[];
  /** Mean score per owner about 30 days ago, from the history. */
  ownerScores30dAgo: Map<string, number>;
}): Summary {
  const { rows } = input;
  const byOwner = groupBy(rows, row => row.owner ?? 'none');
  const byTier = groupBy(rows, row => row.tier ?? 'none');
  const generatedAt = rows.reduce<string | null>(
    (latest, row) =>
      latest === null || row.evaluatedAt > latest ? row.evaluatedAt : latest,
    null,
  );

  return {
    generatedAt,
    organisation: scoreGroup(rows),
    teams: [...byOwner]
      .map(([owner, ownerRows]) => {
        const group = scoreGroup(ownerRows);
        const before = input.ownerScores30dAgo.get(owner);
        return {
          owner,
          ...group,
          change30d:
            before === undefined ? null : roundScore(group.score - before),
        };
      })
      .sort((a, b) => a.owner.localeCompare(b.owner)),
    tiers: [...TIERS, 'none' as const]
      .filter(tier => byTier.has(tier))
      .map(tier => ({ tier, ...scoreGroup(byTier.get(tier)!) })),
    rules: ruleSummaries(input.ruleIds, rows),
  };
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
