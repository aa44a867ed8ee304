import { MandateHistorySeeder } from '@mandate-dev/plugin-mandate-node';
import { ResultStore } from '../store/ResultStore';
import { StoredReport } from '../store/StoredReport';
import { seedHistory } from './seedHistory';
import {
  mandateTestDatabases,
  migrations,
} from '../__testUtils__/testDatabases';

jest.setTimeout(60_000);

const databases = mandateTestDatabases();
const NOW = new Date('2026-12-01T12:00:00.000Z');
const TEAM = 'group:default/team-a';

function stored(name: string, score: number, at = NOW.toISOString()) {
  const report = {
    entityRef: `component:default/${name}`,
    owner: TEAM,
    tier: 'critical' as const,
    level: 'silver' as const,
    score,
    results: [],
  };
  return {
    report,
    rawResults: [],
    system: null,
    lifecycle: null,
    evaluatedAt: at,
  } satisfies StoredReport;
}

/** Yesterday 10 below today; plus points the backend must drop. */
const seeder = jest.fn<
  ReturnType<MandateHistorySeeder>,
  Parameters<MandateHistorySeeder>
>(({ services }) =>
  services.flatMap(s => [
    {
      entityRef: s.entityRef,
      day: '2026-11-30',
      score: s.score - 10,
      level: 'bronze',
    },
    { entityRef: s.entityRef, day: '2026-12-01', score: 1, level: 'none' },
    { entityRef: s.entityRef, day: '2026-11-31', score: 1, level: 'none' },
    { entityRef: s.entityRef, day: '2026-11-29', score: 50.5, level: 'none' },
    {
      entityRef: s.entityRef,
      day: '2026-11-29',
      score: 50,
      level: 'top' as any,
    },
    {
      entityRef: 'component:default/ghost',
      day: '2026-11-29',
      score: 5,
      level: 'none',
    },
  ]),
);

describe.each(databases.eachSupportedId())('seedHistory on %p', databaseId => {
  beforeEach(() => seeder.mockClear());

  it('follows the stored services until there is recorded history, and drops invalid points', async () => {
    const knex = await databases.init(databaseId);
    await knex.migrate.latest(migrations);
    const results = new ResultStore(knex);
    const yesterday = async () =>
      (await results.trendScoresOn(['2026-11-30'])).map(r => [
        r.scoreSum,
        r.count,
      ]);

    // The first evaluation saw a catalog still being processed: one service.
    await results.write([stored('a', 80)], 'all');
    expect(await seedHistory(results, seeder, NOW)).toEqual({
      seeded: 1,
      dropped: 5,
    });
    expect(await yesterday()).toEqual([[70, 1]]);

    // Nothing changed: the seeder is not asked again.
    expect(await seedHistory(results, seeder, NOW)).toBeUndefined();
    expect(seeder).toHaveBeenCalledTimes(1);

    // The catalog is complete now: the seeded past is made again from it.
    await results.write([stored('a', 90), stored('b', 60)], 'all');
    expect(await seedHistory(results, seeder, NOW)).toEqual({
      seeded: 2,
      dropped: 10,
    });
    expect(seeder.mock.calls[1][0].services.map(s => s.score)).toEqual([
      90, 60,
    ]);
    expect(await yesterday()).toEqual([[130, 2]]);

    // Once a day before today is recorded, the past is what was evaluated.
    await results.write([stored('c', 40, '2026-11-29T10:00:00.000Z')], {
      evaluatedRefs: [],
    });
    await results.write([stored('a', 95), stored('b', 60)], 'all');
    expect(await seedHistory(results, seeder, NOW)).toBeUndefined();
    expect(seeder).toHaveBeenCalledTimes(2);
    expect(await yesterday()).toEqual([[130, 2]]);
  });

  it('seeds nothing before the first evaluation stored services', async () => {
    const knex = await databases.init(databaseId);
    await knex.migrate.latest(migrations);
    const results = new ResultStore(knex);
    expect(await seedHistory(results, seeder, NOW)).toBeUndefined();
    expect(seeder).not.toHaveBeenCalled();
  });
});
