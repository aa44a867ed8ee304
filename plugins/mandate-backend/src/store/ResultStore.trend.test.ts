import { Tier } from '@mandate-dev/plugin-mandate-common';
import { ResultStore } from './ResultStore';
import { StoredReport } from './StoredReport';
import {
  mandateTestDatabases,
  migrations,
} from '../__testUtils__/testDatabases';

jest.setTimeout(60_000);

const databases = mandateTestDatabases();

function stored(
  entityRef: string,
  owner: string | null,
  tier: Tier | null,
  score: number,
  at: string,
): StoredReport {
  return {
    report: { entityRef, owner, tier, level: 'bronze', score, results: [] },
    rawResults: [],
    system: null,
    lifecycle: null,
    evaluatedAt: at,
  };
}

const TEAM = 'group:default/team-a';

describe.each(databases.eachSupportedId())(
  'ResultStore trend and seeded history on %p',
  databaseId => {
    it('sums and counts the scores per day, owner and tier on the days asked', async () => {
      const knex = await databases.init(databaseId);
      await knex.migrate.latest(migrations);
      const store = new ResultStore(knex);
      await store.write(
        [
          stored('component:default/a', TEAM, 'high', 60, '2026-11-20T10:00Z'),
          stored('component:default/b', TEAM, 'high', 70, '2026-11-20T10:00Z'),
          stored('component:default/c', TEAM, null, 40, '2026-11-20T10:00Z'),
          stored('component:default/d', null, 'low', 30, '2026-11-20T10:00Z'),
        ],
        'all',
      );
      await store.write(
        [stored('component:default/a', TEAM, 'high', 80, '2026-11-21T10:00Z')],
        { evaluatedRefs: ['component:default/a'] },
      );

      const rows = await store.trendScoresOn(['2026-11-20', '2026-11-22']);
      const key = (r: { owner: string; tier: string | null }) =>
        `${r.owner} ${r.tier}`;
      expect(rows.sort((x, y) => key(x).localeCompare(key(y)))).toEqual([
        {
          day: '2026-11-20',
          owner: TEAM,
          tier: 'high',
          scoreSum: 130,
          count: 2,
        },
        { day: '2026-11-20', owner: TEAM, tier: null, scoreSum: 40, count: 1 },
        {
          day: '2026-11-20',
          owner: 'none',
          tier: 'low',
          scoreSum: 30,
          count: 1,
        },
      ]);
      expect(await store.trendScoresOn(['2026-11-22'])).toEqual([]);
    });

    it('replaces only seeded rows, never a recorded day, and bumps the version', async () => {
      const knex = await databases.init(databaseId);
      await knex.migrate.latest(migrations);
      const store = new ResultStore(knex);
      await store.write(
        [stored('component:default/a', TEAM, 'high', 90, '2026-11-20T10:00Z')],
        'all',
      );
      const seed = (day: string, score: number) => ({
        entityRef: 'component:default/a',
        day,
        owner: TEAM,
        tier: 'high' as const,
        score,
        level: 'bronze' as const,
      });
      const before = await store.version();

      await store.replaceSeededHistory(
        [
          seed('2026-11-18', 60),
          seed('2026-11-19', 70),
          seed('2026-11-20', 10),
        ],
        'first',
      );
      expect(await store.version()).not.toBe(before);
      expect(await store.historySeedFingerprint()).toBe('first');
      // Seeded days do not count as recorded history.
      expect(await store.hasRecordedHistoryBefore('2026-11-20')).toBe(false);

      await store.replaceSeededHistory([seed('2026-11-19', 75)], 'second');
      const days = async () =>
        (
          await store.entityHistory(
            'component:default/a',
            '2026-11-01',
            '2026-11-30',
          )
        ).map(p => [p.day, p.score]);
      expect(await days()).toEqual([
        ['2026-11-19', 75],
        ['2026-11-20', 90],
      ]);
      expect(await store.historySeedFingerprint()).toBe('second');

      // A recorded day replaces a seeded one and is then recorded history.
      await store.write(
        [stored('component:default/a', TEAM, 'high', 80, '2026-11-19T10:00Z')],
        'all',
      );
      expect(await store.hasRecordedHistoryBefore('2026-11-20')).toBe(true);
      await store.replaceSeededHistory([], 'third');
      expect(await days()).toEqual([
        ['2026-11-19', 80],
        ['2026-11-20', 90],
      ]);
    });
  },
);
