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
    expect(outcome.message).toContain('99.85');
    expect(outcome.evidence).toContain(
      'component:default/payments (99.9%) is the weakest link',
    );
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
    expect(runRule(slaBudgetRule, slightlyMore, ref('a')).status).toBe('fail');
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
