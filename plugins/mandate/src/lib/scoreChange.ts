import { HistoryPoint } from '@internal/plugin-mandate-common';
import { isoDay } from './dates';

/**
 * The latest score minus the score of the last point on or before `days` ago (the first point
 * when the history is younger); undefined with fewer than two points.
 */
export function scoreChange(
  points: HistoryPoint[],
  days = 30,
  now: Date = new Date(),
): number | undefined {
  if (points.length < 2) return undefined;
  const sorted = [...points].sort((a, b) => a.day.localeCompare(b.day));
  const cutoff = isoDay(days, now);
  const before = sorted.filter(point => point.day <= cutoff);
  const base = before.length > 0 ? before[before.length - 1] : sorted[0];
  const latest = sorted[sorted.length - 1];
  if (base === latest) return undefined;
  return Math.round((latest.score - base.score) * 10) / 10;
}
