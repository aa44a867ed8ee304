import { EntityReport, Level } from '@mandate-dev/plugin-mandate-common';
import { LevelChangeStore } from './LevelChangeStore';
import { ResultStore } from './ResultStore';
import {
  mandateTestDatabases,
  migrations,
} from '../__testUtils__/testDatabases';

jest.setTimeout(60_000);

const databases = mandateTestDatabases();

function report(entityRef: string, level: Level): EntityReport {
  return {
    entityRef,
    owner: 'group:default/team-a',
    tier: null,
    level,
    score: 50,
    results: [],
  };
}

function stored(entityRef: string, level: Level, at: string) {
  const r = report(entityRef, level);
  return {
    report: r,
    rawResults: [],
    system: null,
    lifecycle: null,
    evaluatedAt: at,
  };
}

describe.each(databases.eachSupportedId())(
  'level changes recorded by the ResultStore on %p',
  databaseId => {
    it('records a change only when a stored service moves level, with evaluations and rescores alike', async () => {
      const knex = await databases.init(databaseId);
      await knex.migrate.latest(migrations);
      const results = new ResultStore(knex);
      const changes = new LevelChangeStore(knex);
      const A = 'component:default/a';
      const B = 'component:default/b';

      await results.write(
        [stored(A, 'silver', '2026-12-01T08:00:00.000Z')],
        'all',
      );
      // A new service and an unchanged one: nothing.
      await results.write(
        [
          stored(A, 'silver', '2026-12-01T09:00:00.000Z'),
          stored(B, 'gold', '2026-12-01T09:00:00.000Z'),
        ],
        'all',
      );
      expect(await changes.unpublished(10)).toEqual([]);

      await results.write([stored(A, 'bronze', '2026-12-01T10:00:00.000Z')], {
        evaluatedRefs: [A],
      });
      // A waiver lifts it; a rescore of a service that is not stored changes nothing.
      await results.updateWaived(
        [report(A, 'gold'), report('component:default/gone', 'gold')],
        '2026-12-01T11:00:00.000Z',
      );
      // B disappears from the catalog: removed, not a change.
      await results.write(
        [stored(A, 'gold', '2026-12-01T12:00:00.000Z')],
        'all',
      );

      const recorded = await changes.unpublished(10);
      expect(
        recorded.map(c => [c.entityRef, c.owner, c.from, c.to, c.at]),
      ).toEqual([
        [
          A,
          'group:default/team-a',
          'silver',
          'bronze',
          '2026-12-01T10:00:00.000Z',
        ],
        [
          A,
          'group:default/team-a',
          'bronze',
          'gold',
          '2026-12-01T11:00:00.000Z',
        ],
      ]);
      expect(
        (await changes.dropsSince(new Date('2026-12-01T00:00:00.000Z'))).map(
          c => c.to,
        ),
      ).toEqual(['bronze']);

      await changes.markPublished([recorded[0].id], new Date());
      expect((await changes.unpublished(10)).map(c => c.id)).toEqual([
        recorded[1].id,
      ]);
      expect(await changes.prune(new Date('2026-12-01T10:30:00.000Z'))).toBe(1);
      expect(await changes.unpublished(10)).toHaveLength(1);
    });
  },
);
