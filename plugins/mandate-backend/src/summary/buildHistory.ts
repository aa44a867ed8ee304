import { HistoryPoint, Level } from '@mandate-dev/plugin-mandate-common';
import { emptyLevelCounts, roundScore } from './buildSummary';

/** Folds per-day, per-level rows into one point per day: mean score and level counts. */
export function buildGroupHistory(
  rows: { day: string; level: Level; count: number; scoreSum: number }[],
): HistoryPoint[] {
  const byDay = new Map<
    string,
    {
      count: number;
      scoreSum: number;
      levels: ReturnType<typeof emptyLevelCounts>;
    }
  >();
  for (const row of rows) {
    let day = byDay.get(row.day);
    if (!day) {
      day = { count: 0, scoreSum: 0, levels: emptyLevelCounts() };
      byDay.set(row.day, day);
    }
    day.count += row.count;
    day.scoreSum += row.scoreSum;
    day.levels[row.level] += row.count;
  }
  return [...byDay]
    .sort(([a], [b]) => a.localeCompare(b))
    .map(([day, { count, scoreSum, levels }]) => ({
      day,
      score: roundScore(scoreSum / count),
      levels,
    }));
}
