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
  score: number,
  at: string,
): StoredReport {
  const report = {
    entityRef,
    owner,
    tier: null,
    level: 'none' as const,
    score,
    results: [],
  };
  return {
    report,
    rawResults: [],
    system: null,
    lifecycle: null,
    evaluatedAt: at,
  };
}

describe.each(databases.eachSupportedId())(
  'ResultStore.ownerScoresOn on %p',
  databaseId => {
    it('sums and counts the scores per owner on the latest day at or before the one asked', async () => {
      const knex = await databases.init(databaseId);
      await knex.migrate.latest(migrations);
      const store = new ResultStore(knex);
      const team = 'group:default/team-a';
      await store.write(
        [
          stored('component:default/a', team, 60, '2026-10-20T10:00:00.000Z'),
          stored('component:default/b', team, 71, '2026-10-20T10:00:00.000Z'),
          stored('component:default/c', null, 40, '2026-10-20T10:00:00.000Z'),
        ],
        'all',
      );
      await store.write(
        [stored('component:default/a', team, 90, '2026-11-20T10:00:00.000Z')],
        { evaluatedRefs: ['component:default/a'] },
      );

      expect(await store.ownerScoresOn('2026-10-27')).toEqual(
        new Map([
          [team, { scoreSum: 131, count: 2 }],
          ['none', { scoreSum: 40, count: 1 }],
        ]),
      );
      expect(await store.ownerScoresOn('2026-10-19')).toEqual(new Map());
    });
  },
);
