import { LEVELS } from '@mandate-dev/plugin-mandate-common';
import { MandateHistorySeeder } from '@mandate-dev/plugin-mandate-node';
import { ResultStore, SeededHistoryRow } from '../store/ResultStore';

const DAY = /^\d{4}-\d{2}-\d{2}$/;

/**
 * Gives a store without past history the seeder's made-up past of the services evaluated now.
 * Only points of stored services, on valid days before today, with integer scores in 0..100
 * and known levels are kept; each takes the service's current owner and tier, so the seeded
 * history agrees with the catalog. Returns how many rows were kept and how many dropped.
 */
export async function seedHistory(
  results: ResultStore,
  seeder: MandateHistorySeeder,
  now: Date,
): Promise<{ seeded: number; dropped: number }> {
  const today = now.toISOString().slice(0, 10);
  if (await results.hasHistoryBefore(today)) return { seeded: 0, dropped: 0 };
  const rows = await results.scores({});
  if (rows.length === 0) return { seeded: 0, dropped: 0 };
  const services = new Map(rows.map(row => [row.entityRef, row]));
  const points = await seeder({
    services: rows.map(({ entityRef, owner, tier, level, score }) => ({
      entityRef,
      owner,
      tier,
      level,
      score,
    })),
    today,
  });
  const seeded: SeededHistoryRow[] = [];
  for (const point of points) {
    const service = services.get(point.entityRef);
    const valid =
      service &&
      DAY.test(point.day) &&
      !Number.isNaN(Date.parse(point.day)) &&
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
  if (seeded.length > 0) await results.insertSeededHistory(seeded);
  return { seeded: seeded.length, dropped: points.length - seeded.length };
}
