import { LEVELS, Level } from '@mandate-dev/plugin-mandate-common';
import {
  HistorySeedPoint,
  MandateHistorySeeder,
} from '@mandate-dev/plugin-mandate-node';

const DAY_MS = 24 * 60 * 60 * 1000;
/** A quarter of made-up past before the real first evaluation. */
export const DEMO_HISTORY_DAYS = 90;

/**
 * The demo's made-up past: every service climbed steadily to its current score over the last
 * quarter (from 12 to 32 points lower, so some 4 to 11 points in 30 days), with two setbacks
 * of a few days each, and held a level lower
 * while it was far below today's score. Deterministic per service, so a restart that seeds
 * again (an emptied database) tells the same story.
 */
export function demoHistorySeeder({
  services,
  today,
}: Parameters<MandateHistorySeeder>[0]): HistorySeedPoint[] {
  const todayMs = Date.parse(`${today}T00:00:00Z`);
  const points: HistorySeedPoint[] = [];
  for (const service of services) {
    const random = mulberry32(hash(service.entityRef));
    const rise = 12 + random() * 20;
    const start = Math.max(0, service.score - rise);
    const dips = [0, 1].map(() => ({
      at: 5 + Math.floor(random() * (DEMO_HISTORY_DAYS - 15)),
      length: 3 + Math.floor(random() * 4),
      depth: 5 + random() * 8,
    }));
    for (let ago = DEMO_HISTORY_DAYS - 1; ago >= 1; ago--) {
      const progress = 1 - ago / DEMO_HISTORY_DAYS;
      let score = start + (service.score - start) * progress;
      for (const dip of dips) {
        if (ago <= dip.at && ago > dip.at - dip.length) score -= dip.depth;
      }
      score += (random() - 0.5) * 3;
      const rounded = Math.round(Math.min(100, Math.max(0, score)));
      points.push({
        entityRef: service.entityRef,
        day: new Date(todayMs - ago * DAY_MS).toISOString().slice(0, 10),
        score: rounded,
        level: levelThen(service.level, service.score - rounded),
      });
    }
  }
  return points;
}

/** A level lower per 12 points below today's score, never above today's level. */
function levelThen(now: Level, pointsBelow: number): Level {
  const drop = pointsBelow <= 0 ? 0 : Math.floor(pointsBelow / 12);
  return LEVELS[Math.max(0, LEVELS.indexOf(now) - drop)];
}

function hash(text: string): number {
  let h = 2166136261;
  for (let i = 0; i < text.length; i++) {
    h ^= text.charCodeAt(i);
    h = Math.imul(h, 16777619);
  }
  return h >>> 0;
}

/** A small seeded PRNG, so that the demo's past is the same on every start. */
function mulberry32(seed: number): () => number {
  let a = seed;
  return () => {
    a = (a + 0x6d2b79f5) | 0;
    let t = Math.imul(a ^ (a >>> 15), 1 | a);
    t = (t + Math.imul(t ^ (t >>> 7), 61 | t)) ^ t;
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}
