import { createHash } from 'node:crypto';
import { LEVELS } from '@mandate-dev/plugin-mandate-common';
import { MandateHistorySeeder } from '@mandate-dev/plugin-mandate-node';
import { ResultStore, SeededHistoryRow } from '../store/ResultStore';

const DAY = /^\d{4}-\d{2}-\d{2}$/;

/**
 * Gives a store without recorded past history the seeder's made-up past of the services
 * stored now. A new portal's first evaluations may see a catalog still being processed, so
 * until there is recorded history before today the seeded past is made again whenever the
 * stored services, owners, tiers, scores or levels changed: it always leads to today's real
 * figures. Only points of stored services, on valid days before today, with integer scores in
 * 0..100 and known levels are kept; each takes the service's current owner and tier.
 */
export async function seedHistory(
  results: ResultStore,
  seeder: MandateHistorySeeder,
  now: Date,
): Promise<{ seeded: number; dropped: number } | undefined> {
  const today = now.toISOString().slice(0, 10);
  if (await results.hasRecordedHistoryBefore(today)) return undefined;
  const rows = (await results.scores({})).sort((a, b) =>
    a.entityRef.localeCompare(b.entityRef),
  );
  if (rows.length === 0) return undefined;
  const services = rows.map(({ entityRef, owner, tier, level, score }) => ({
    entityRef,
    owner,
    tier,
    level,
    score,
  }));
  const fingerprint = createHash('sha256')
    .update(JSON.stringify([today, services]))
    .digest('hex');
  if ((await results.historySeedFingerprint()) === fingerprint) {
    return undefined;
  }

  const byRef = new Map(services.map(service => [service.entityRef, service]));
  const points = await seeder({ services, today });
  const seeded: SeededHistoryRow[] = [];
  for (const point of points) {
    const service = byRef.get(point.entityRef);
    const valid =
      service &&
      isCalendarDay(point.day) &&
      point.day < today &&
      Number.isInteger(point.score) &&
      point.score >= 0 &&
      point.score <= 100 &&
      LEVELS.includes(point.level);
    if (!valid) continue;
    seeded.push({
      entityRef: point.entityRef,
      day: point.day,
      owner: service.owner,
      tier: service.tier,
      score: point.score,
      level: point.level,
    });
  }
  await results.replaceSeededHistory(seeded, fingerprint);
  return { seeded: seeded.length, dropped: points.length - seeded.length };
}

/** `YYYY-MM-DD` naming a real day (not 2026-11-31). */
function isCalendarDay(day: string): boolean {
  if (!DAY.test(day)) return false;
  const time = Date.parse(`${day}T00:00:00Z`);
  return !Number.isNaN(time) && new Date(time).toISOString().startsWith(day);
}
