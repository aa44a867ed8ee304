import { HistorySeedService } from '@mandate-dev/plugin-mandate-node';
import { DEMO_HISTORY_DAYS, demoHistorySeeder } from './demoHistorySeeder';

const services: HistorySeedService[] = [
  {
    entityRef: 'component:default/orders',
    owner: 'group:default/checkout-team',
    tier: 'critical',
    level: 'gold',
    score: 100,
  },
  {
    entityRef: 'component:default/search',
    owner: 'group:default/search-team',
    tier: 'low',
    level: 'bronze',
    score: 55,
  },
];
const today = '2026-12-01';

describe('demoHistorySeeder', () => {
  const points = demoHistorySeeder({ services, today });

  it('gives every service one integer score a day on the days before today, never today', () => {
    for (const service of services) {
      const mine = points.filter(p => p.entityRef === service.entityRef);
      const days = mine.map(p => p.day);
      expect(days).toHaveLength(DEMO_HISTORY_DAYS - 1);
      expect(new Set(days).size).toBe(days.length);
      expect(days[0]).toBe('2026-09-03');
      expect(days[days.length - 1]).toBe('2026-11-30');
      for (const p of mine) {
        expect(Number.isInteger(p.score)).toBe(true);
        expect(p.score).toBeGreaterThanOrEqual(0);
        expect(p.score).toBeLessThanOrEqual(100);
      }
    }
  });

  it('climbs to the current score with setbacks, at or below the current level', () => {
    for (const service of services) {
      const scores = points
        .filter(p => p.entityRef === service.entityRef)
        .map(p => p.score);
      const mean = (xs: number[]) => xs.reduce((a, b) => a + b, 0) / xs.length;
      expect(mean(scores.slice(0, 7))).toBeLessThan(service.score - 8);
      expect(Math.abs(scores[scores.length - 1] - service.score)).toBeLessThan(
        4,
      );
      const drops = scores.slice(1).map((s, i) => scores[i] - s);
      expect(Math.max(...drops)).toBeGreaterThanOrEqual(4);
    }
    const levels = ['none', 'bronze', 'silver', 'gold'];
    for (const p of points) {
      const service = services.find(s => s.entityRef === p.entityRef)!;
      expect(levels.indexOf(p.level)).toBeLessThanOrEqual(
        levels.indexOf(service.level),
      );
    }
  });

  it('tells the same story on every start', () => {
    expect(demoHistorySeeder({ services, today })).toEqual(points);
  });
});
