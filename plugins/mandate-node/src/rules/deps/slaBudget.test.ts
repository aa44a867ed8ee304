import { parseAllDocuments } from 'yaml';
import { runFixedRule } from '../../testUtils/runFixedRule';
import { service } from '../../testUtils/entities';
import { runRule } from '../../testUtils/runRule';
import { slaBudgetRule } from './slaBudget';

const ref = (name: string) => `component:default/${name}`;
const slo = (value: string, extra: Record<string, string> = {}) => ({
  'mandate.dev/slo': value,
  ...extra,
});

describe('deps.sla-budget', () => {
  it('passes with no hard dependencies (the product is 100%)', () => {
    expect(
      runRule(slaBudgetRule, [service('a', {}, slo('99.99'))], ref('a')).status,
    ).toBe('pass');
  });

  it('fails naming the composite and the weakest link', () => {
    const catalog = [
      service('orders', { dependsOn: ['payments', 'stock'] }, slo('99.95')),
      service('payments', {}, slo('99.9')),
      service('stock', {}, slo('99.95')),
    ];
    const outcome = runRule(slaBudgetRule, catalog, ref('orders'));
    expect(outcome.status).toBe('fail');
    // 99.9 × 99.95 / 100 is 99.850049999…: cut, never rounded up, never printed raw
    expect(outcome.message).toBe(
      'dependencies allow at most 99.85% against a target of 99.95%',
    );
    expect(outcome.evidence).toEqual([
      'composite SLO of 2 hard dependencies: 99.85%',
      'component:default/payments (99.9%) is the weakest link',
    ]);
  });

  it('compares exactly: a product equal to the target passes', () => {
    // 99.9 * 99.9 / 100 = 99.8001, which floating point computes as 99.80010000000001 or so.
    const catalog = [
      service('a', { dependsOn: ['b', 'c'] }, slo('99.8001')),
      service('b', {}, slo('99.9')),
      service('c', {}, slo('99.9')),
    ];
    expect(runRule(slaBudgetRule, catalog, ref('a')).status).toBe('pass');
    const slightlyMore = [
      ...catalog.slice(1),
      service('a', { dependsOn: ['b', 'c'] }, slo('99.80011')),
    ];
    const missed = runRule(slaBudgetRule, slightlyMore, ref('a'));
    expect(missed.status).toBe('fail');
    // the composite 99.80010000000001 reads below the declared target, never as it
    expect(missed.message).toBe(
      'dependencies allow at most 99.8001% against a target of 99.80011%',
    );
  });

  it('counts a service reachable twice once, and never the service itself', () => {
    const catalog = [
      service('a', { dependsOn: ['b', 'c'] }, slo('99')),
      service('b', { dependsOn: ['d', 'a'] }, slo('99.9')),
      service('c', { dependsOn: ['d'] }, slo('99.9')),
      service('d', {}, slo('99.2')),
    ];
    // 0.999 * 0.999 * 0.992 = 0.99001... >= 0.99 only if d is counted once.
    expect(runRule(slaBudgetRule, catalog, ref('a')).status).toBe('pass');
  });

  it('ignores soft dependencies', () => {
    const catalog = [
      service(
        'a',
        { dependsOn: ['b'] },
        slo('99.9', { 'mandate.dev/soft-dependencies': 'b' }),
      ),
      service('b', {}, slo('90')),
    ];
    expect(runRule(slaBudgetRule, catalog, ref('a')).status).toBe('pass');
  });

  it('fails when it or a hard dependency has no valid SLO', () => {
    expect(runRule(slaBudgetRule, [service('a')], ref('a')).status).toBe(
      'fail',
    );
    const catalog = [
      service('a', { dependsOn: ['b'] }, slo('99')),
      service('b', { dependsOn: ['c'] }, slo('99.99%')),
      service('c', {}, slo('99.99')),
    ];
    const outcome = runRule(slaBudgetRule, catalog, ref('a'));
    expect(outcome.status).toBe('fail');
    expect(outcome.evidence).toEqual(['component:default/b has no valid SLO']);
  });
});

describe('deps.sla-budget fix', () => {
  const docs = (snippet: string) =>
    parseAllDocuments(snippet).map(d => d.toJS());

  it('declares a missing target: what the hard dependencies allow together', () => {
    const catalog = [
      service('a', { dependsOn: ['b', 'c'] }),
      service('b', {}, slo('99.9')),
      service('c', {}, slo('99.5')),
    ];
    const { edit, after } = runFixedRule(slaBudgetRule, catalog, ref('a'));
    expect(edit).toEqual({
      metadata: { annotations: { 'mandate.dev/slo': '99.4' } },
    });
    expect(after.status).toBe('pass');
    const alone = runFixedRule(slaBudgetRule, [service('a')], ref('a'));
    expect(alone.edit.metadata.annotations['mandate.dev/slo']).toBe('99.9');
  });

  it('is a decision over the target, the weakest link and making it soft', () => {
    const catalog = [
      service('a', { dependsOn: ['b', 'c'] }, slo('99.95')),
      service('b', {}, slo('99.9')),
      service('c', {}, slo('99.99')),
    ];
    const fix = runRule(slaBudgetRule, catalog, ref('a')).fix!;
    expect(fix.decision).toBe(true);
    expect(fix.text).toContain(
      'raise the weakest link component:default/b from 99.9% to 99.96%',
    );
    expect(docs(fix.snippet)).toEqual([
      { metadata: { annotations: { 'mandate.dev/slo': '99.89' } } },
      { metadata: { annotations: { 'mandate.dev/slo': '99.96' } } },
      {
        metadata: {
          annotations: {
            'mandate.dev/soft-dependencies': 'component:default/b',
          },
        },
      },
    ]);
    // Each option alone makes the rule pass.
    const apply = (i: number, name: string) =>
      catalog.map(e =>
        e.metadata.name === name
          ? {
              ...e,
              metadata: {
                ...e.metadata,
                annotations: {
                  ...e.metadata.annotations,
                  ...docs(fix.snippet)[i].metadata.annotations,
                },
              },
            }
          : e,
      );
    expect(runRule(slaBudgetRule, apply(0, 'a'), ref('a')).status).toBe('pass');
    expect(runRule(slaBudgetRule, apply(1, 'b'), ref('a')).status).toBe('pass');
    expect(runRule(slaBudgetRule, apply(2, 'a'), ref('a')).status).toBe('pass');
  });

  it('asks the owners of dependencies without a target for the share the chain needs', () => {
    const catalog = [
      service('a', { dependsOn: ['b', 'c'] }, slo('99')),
      service('b'),
      service('c', {}, slo('99.5')),
    ];
    const fix = runRule(slaBudgetRule, catalog, ref('a')).fix!;
    expect(fix).toMatchObject({ decision: true, entityRef: ref('b') });
    expect(fix.text).toContain('each needs at least 99.5%');
    expect(docs(fix.snippet)).toEqual([
      { metadata: { annotations: { 'mandate.dev/slo': '99.5' } } },
    ]);
  });
});
