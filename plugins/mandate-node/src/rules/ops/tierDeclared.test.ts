import { parseAllDocuments } from 'yaml';
import { runFixedRule } from '../../testUtils/runFixedRule';
import { service } from '../../testUtils/entities';
import { runRule } from '../../testUtils/runRule';
import { tierDeclaredRule } from './tierDeclared';

const orders = 'component:default/orders';
const withTier = (tier: string) => [
  service('orders', {}, { 'mandate.dev/tier': tier }),
];

describe('ops.tier-declared', () => {
  it.each(['critical', 'high', 'medium', 'low'])('passes for %s', tier => {
    expect(runRule(tierDeclaredRule, withTier(tier), orders).status).toBe(
      'pass',
    );
  });

  it.each(['Critical', 'urgent', ' high', ''])('fails for %j', tier => {
    expect(runRule(tierDeclaredRule, withTier(tier), orders).status).toBe(
      'fail',
    );
  });

  it('fails when not set', () => {
    expect(runRule(tierDeclaredRule, [service('orders')], orders).status).toBe(
      'fail',
    );
  });
});

describe('ops.tier-declared fix', () => {
  it('lower-cases a tier that is only misspelt', () => {
    const { edit, after } = runFixedRule(
      tierDeclaredRule,
      withTier(' High'),
      orders,
    );
    expect(edit).toEqual({
      metadata: { annotations: { 'mandate.dev/tier': 'high' } },
    });
    expect(after.status).toBe('pass');
  });

  it('is a decision bounded by the tiers of its hard dependencies', () => {
    const catalog = [
      service(
        'orders',
        { dependsOn: ['payments', 'recs'] },
        { 'mandate.dev/tier': 'top', 'mandate.dev/soft-dependencies': 'recs' },
      ),
      service('payments', {}, { 'mandate.dev/tier': 'medium' }),
      service('recs', {}, { 'mandate.dev/tier': 'low' }),
    ];
    const fix = runRule(tierDeclaredRule, catalog, orders).fix!;
    expect(fix.decision).toBe(true);
    expect(fix.text).toContain('allow at most medium');
    expect(parseAllDocuments(fix.snippet).map(d => d.toJS())).toEqual([
      { metadata: { annotations: { 'mandate.dev/tier': 'medium' } } },
      { metadata: { annotations: { 'mandate.dev/tier': 'low' } } },
    ]);
  });
});
