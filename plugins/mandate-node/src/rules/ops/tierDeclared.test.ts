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
