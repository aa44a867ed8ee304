import { RULEBOOK_RULES } from '../testUtils/rulebookRules';
import { ConfigReader } from '@backstage/config';
import { Entity } from '@backstage/catalog-model';
import { CatalogSnapshot, SnapshotInput } from '../catalog';
import { readMandateConfig } from '../config';
import { builtInRules } from '../rules/builtInRules';
import { MandateRule } from '../rules/MandateRule';
import { service } from '../testUtils/entities';
import { goldCatalog } from '../testUtils/goldCatalog';
import { evaluateCatalog } from './evaluateCatalog';

const now = new Date('2026-11-26T10:00:00.000Z');
const snapshotOf = (items: (Entity | SnapshotInput)[]) =>
  new CatalogSnapshot(
    items.map(item => ('entity' in item ? item : { entity: item })),
  );

describe('evaluateCatalog', () => {
  it('scores a service that follows every rule gold with 100', () => {
    const report = evaluateCatalog({
      snapshot: snapshotOf(goldCatalog()),
      now,
    });
    const orders = report.entities.find(
      e => e.entityRef === 'component:default/orders',
    )!;
    const failing = orders.results.filter(
      r => r.status === 'fail' || r.status === 'error',
    );
    expect(failing).toEqual([]);
    expect(orders).toMatchObject({
      owner: 'group:default/team-a',
      tier: 'high',
      level: 'gold',
      score: 100,
    });
  });

  it('reports every service with one result per rule, in rulebook order, sorted by ref', () => {
    const report = evaluateCatalog({
      snapshot: snapshotOf([
        service('zeta'),
        service('alpha', { type: 'website' }),
        service('Beta'),
      ]),
      now,
    });
    expect(report.rulebookVersion).toBe('1');
    expect(report.generatedAt).toBe('2026-11-26T10:00:00.000Z');
    expect(report.entities.map(e => e.entityRef)).toEqual([
      'component:default/beta',
      'component:default/zeta',
    ]);
    expect(report.entities[0].results.map(r => r.ruleId)).toEqual(
      RULEBOOK_RULES.map(r => r.id),
    );
  });

  it('reports the normalised owner even when it does not resolve, null tier when invalid', () => {
    const report = evaluateCatalog({
      snapshot: snapshotOf([
        service('a', { owner: 'Ops/Team-X' }, { 'mandate.dev/tier': 'HIGH' }),
        service('b', { owner: undefined }, { 'mandate.dev/tier': 'low' }),
      ]),
      now,
    });
    expect(report.entities.map(e => [e.owner, e.tier])).toEqual([
      ['group:ops/team-x', null],
      [null, 'low'],
    ]);
    expect(report.entities[0].level).toBe('none');
  });

  it('drops disabled rules from the report and applies configured thresholds', () => {
    const config = readMandateConfig(
      new ConfigReader({
        mandate: {
          rules: {
            ops: { runbook: { enabled: false } },
            ownership: { 'two-pizza-team': { maxMembers: 1 } },
          },
        },
      }),
      builtInRules,
    );
    const report = evaluateCatalog({
      snapshot: snapshotOf(goldCatalog()),
      config,
      now,
    });
    const orders = report.entities.find(
      e => e.entityRef === 'component:default/orders',
    )!;
    expect(orders.results.map(r => r.ruleId)).not.toContain('ops.runbook');
    expect(orders.results).toHaveLength(25);
    expect(
      orders.results.find(r => r.ruleId === 'ownership.two-pizza-team')?.status,
    ).toBe('fail');
    expect(orders.level).toBe('none');
  });

  it('turns a throwing rule into an error for that rule only', () => {
    const throwing: MandateRule = {
      ...builtInRules[0],
      id: 'custom.throws',
      evaluate: entity => {
        if (entity.name === 'a') throw new Error('boom');
        return { status: 'pass' };
      },
    };
    const report = evaluateCatalog({
      snapshot: snapshotOf([service('a'), service('b')]),
      now,
      rules: [...builtInRules, throwing],
    });
    const [a, b] = report.entities;
    expect(a.results.find(r => r.ruleId === 'custom.throws')).toMatchObject({
      status: 'error',
      message: expect.stringContaining('boom'),
    });
    expect(b.results.find(r => r.ruleId === 'custom.throws')?.status).toBe(
      'pass',
    );
    expect(
      a.results.find(r => r.ruleId === 'ownership.team-owner')?.status,
    ).toBe('fail');
  });

  it('reports the refs a rule names, for links', () => {
    const namesRefs: MandateRule = {
      id: 'acme.names-refs',
      tenet: 'operations',
      level: 'bronze',
      title: 'Names refs',
      description: 'Fails naming one entity that exists and one that does not.',
      rationale: 'A test.',
      remediation: { text: 'None.', snippet: 'a: 1\n', language: 'yaml' },
      evaluate: () => ({
        status: 'fail',
        message: 'names component:default/b and component:default/ghost',
        refs: ['component:default/b', 'component:default/ghost'],
      }),
    };
    const report = evaluateCatalog({
      snapshot: snapshotOf([service('a'), service('b')]),
      now,
      rules: [namesRefs],
    });
    // Whether a named entity exists is the rule's to read: the engine adds no catalog lookup,
    // which would make results depend on entities the incremental path does not track.
    expect(report.entities[0].results[0].refs).toEqual([
      'component:default/b',
      'component:default/ghost',
    ]);
  });

  it('evaluates only the requested entities', () => {
    const report = evaluateCatalog({
      snapshot: snapshotOf([service('a'), service('b'), service('c')]),
      now,
      entityRefs: [
        'component:default/b',
        'Component:default/C',
        'component:default/nope',
      ],
    });
    expect(report.entities.map(e => e.entityRef)).toEqual([
      'component:default/b',
      'component:default/c',
    ]);
  });

  it('rejects two rules with the same id', () => {
    expect(() =>
      evaluateCatalog({
        snapshot: snapshotOf([]),
        now,
        rules: [builtInRules[0], builtInRules[0]],
      }),
    ).toThrow(/ownership.team-owner/);
  });
});
