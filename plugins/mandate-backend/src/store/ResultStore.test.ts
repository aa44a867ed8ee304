import { EntityReport } from '@mandate-dev/plugin-mandate-common';
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
  score: number,
  at = '2026-11-26T10:00:00.000Z',
): StoredReport {
  const report: EntityReport = {
    entityRef,
    owner: 'group:default/team-a',
    tier: 'high',
    level: 'bronze',
    score,
    results: [
      { ruleId: 'ops.runbook', status: score === 100 ? 'pass' : 'fail' },
    ],
  };
  return {
    report,
    rawResults: report.results,
    system: null,
    lifecycle: 'production',
    evaluatedAt: at,
  };
}

const PAGE = { offset: 0, limit: 100 };

describe.each(databases.eachSupportedId())('ResultStore on %p', databaseId => {
  it('migrates up and down', async () => {
    const knex = await databases.init(databaseId);
    await knex.migrate.latest(migrations);
    expect(await knex.schema.hasTable('mandate_entities')).toBe(true);
    await knex.migrate.rollback(migrations, true);
    expect(await knex.schema.hasTable('mandate_entities')).toBe(false);
    expect(await knex.schema.hasTable('mandate_waivers')).toBe(false);
  });

  it('keeps the previous results when a write fails half-way', async () => {
    const knex = await databases.init(databaseId);
    await knex.migrate.latest(migrations);
    const store = new ResultStore(knex);
    await store.write(
      [stored('component:default/a', 50), stored('component:default/b', 60)],
      'all',
    );

    // The second report repeats a ref: the insert violates the primary key after the deletes ran.
    const broken = [
      stored('component:default/a', 100),
      stored('component:default/a', 100),
    ];
    // The driver's error may come from another realm than jest's Error, so compare its text.
    const outcome = await store.write(broken, 'all').then(
      () => 'resolved',
      e => String(e),
    );
    expect(outcome).toMatch(/UNIQUE|duplicate/i);

    const scores = await store.scores({});
    expect(scores.map(s => [s.entityRef, s.score])).toEqual([
      ['component:default/a', 50],
      ['component:default/b', 60],
    ]);
  });

  it('replaces only the evaluated refs in an incremental write, and keeps one history row a day', async () => {
    const knex = await databases.init(databaseId);
    await knex.migrate.latest(migrations);
    const store = new ResultStore(knex);
    await store.write(
      [stored('component:default/a', 50), stored('component:default/b', 60)],
      'all',
    );
    await store.write(
      [stored('component:default/a', 100, '2026-11-26T11:00:00.000Z')],
      {
        evaluatedRefs: ['component:default/a', 'component:default/gone'],
      },
    );
    expect((await store.get('component:default/a'))?.report.score).toBe(100);
    expect((await store.get('component:default/b'))?.report.score).toBe(60);
    const history = await store.entityHistory(
      'component:default/a',
      '2026-11-01',
      '2026-11-30',
    );
    expect(history).toEqual([
      { day: '2026-11-26', score: 100, level: 'bronze' },
    ]);
  });

  it('keeps the rule rows that filters read equal to the stored statuses, rewriting only changed ones', async () => {
    const knex = await databases.init(databaseId);
    await knex.migrate.latest(migrations);
    const store = new ResultStore(knex);
    const failing = async () =>
      (await store.list({ ruleId: 'ops.runbook', status: 'fail' }, PAGE)).items
        .map(s => s.report.entityRef)
        .sort();
    const [a, b, c, d] = ['a', 'b', 'c', 'd'].map(
      n => `component:default/${n}`,
    );
    await store.write([stored(a, 50), stored(b, 50), stored(c, 100)], 'all');
    expect(await failing()).toEqual([a, b]);

    // a passes now, b is unchanged, c is gone, d is new and failing.
    const rows = async (ref: string) =>
      knex('mandate_rule_results').where('entity_ref', ref);
    const bRowsBefore = await rows(b);
    await store.write([stored(a, 100), stored(b, 50), stored(d, 40)], 'all');
    expect(await failing()).toEqual([b, d]);
    expect(await rows(c)).toEqual([]);
    expect(await rows(b)).toEqual(bRowsBefore);

    // Incremental: d passes, a is removed.
    await store.write([stored(d, 100)], { evaluatedRefs: [d, a] });
    expect(await failing()).toEqual([b]);
    expect(await rows(a)).toEqual([]);

    // A rescore (a waiver) changes statuses in place.
    await store.updateWaived(
      [
        {
          ...stored(b, 100).report,
          results: [{ ruleId: 'ops.runbook', status: 'waived' }],
        },
      ],
      '2026-11-26T12:00:00.000Z',
    );
    expect(await failing()).toEqual([]);
    expect(
      (await store.list({ ruleId: 'ops.runbook', status: 'waived' }, PAGE))
        .total,
    ).toBe(1);
  });

  it('pages and counts only the readable services, after the filter', async () => {
    const knex = await databases.init(databaseId);
    await knex.migrate.latest(migrations);
    const store = new ResultStore(knex);
    const refs = ['a', 'b', 'c', 'd', 'e'].map(
      name => `component:default/${name}`,
    );
    await store.write(
      refs.map((ref, i) => stored(ref, i === 4 ? 100 : 50)),
      'all',
    );
    const readable = new Set([refs[0], refs[2], refs[3], refs[4]]);

    const first = await store.list(
      { status: 'fail' },
      { offset: 0, limit: 2 },
      readable,
    );
    expect(first.total).toBe(3);
    expect(first.items.map(s => s.report.entityRef)).toEqual([
      refs[0],
      refs[2],
    ]);
    const second = await store.list(
      { status: 'fail' },
      { offset: 2, limit: 2 },
      readable,
    );
    expect(second.items.map(s => s.report.entityRef)).toEqual([refs[3]]);
    expect(
      (await store.list({}, { offset: 0, limit: 10 }, new Set())).total,
    ).toBe(0);

    const exported: string[] = [];
    for await (const s of store.iterate({}, readable))
      exported.push(s.report.entityRef);
    expect(exported).toEqual([refs[0], refs[2], refs[3], refs[4]]);
  });

  it('prunes history older than the retention', async () => {
    const knex = await databases.init(databaseId);
    await knex.migrate.latest(migrations);
    const store = new ResultStore(knex);
    await store.write(
      [stored('component:default/a', 50, '2025-01-01T00:00:00.000Z')],
      'all',
    );
    await store.write(
      [stored('component:default/a', 70, '2026-11-26T00:00:00.000Z')],
      'all',
    );
    expect(await store.pruneHistory('2026-01-01')).toBe(1);
    const history = await store.entityHistory(
      'component:default/a',
      '2000-01-01',
      '2100-01-01',
    );
    expect(history.map(p => p.day)).toEqual(['2026-11-26']);
  });
});
