import { parseAllDocuments } from 'yaml';
import { api, service } from '../../testUtils/entities';
import { runRule } from '../../testUtils/runRule';
import { noTierInversionRule } from './noTierInversion';

const ref = (name: string) => `component:default/${name}`;
const tier = (t: string, extra: Record<string, string> = {}) => ({
  'mandate.dev/tier': t,
  ...extra,
});

describe('deps.no-tier-inversion', () => {
  it('is not applicable without a valid tier', () => {
    const catalog = [
      service('a', { dependsOn: ['b'] }),
      service('b', {}, tier('low')),
    ];
    expect(runRule(noTierInversionRule, catalog, ref('a')).status).toBe(
      'not-applicable',
    );
    const invalid = [
      service('a', { dependsOn: ['b'] }, tier('CRITICAL')),
      service('b', {}, tier('low')),
    ];
    expect(runRule(noTierInversionRule, invalid, ref('a')).status).toBe(
      'not-applicable',
    );
  });

  it('fails with the shortest offending path through hard edges', () => {
    const catalog = [
      service('checkout', { dependsOn: ['cart', 'search'] }, tier('critical')),
      service('cart', { dependsOn: ['pricing'] }, tier('critical')),
      service('pricing', { consumesApis: ['recs-api'] }, tier('critical')),
      service('search', { dependsOn: ['recommendations'] }, tier('critical')),
      service('recommendations', { providesApis: ['recs-api'] }, tier('low')),
      api('recs-api'),
    ];
    const outcome = runRule(noTierInversionRule, catalog, ref('checkout'));
    expect(outcome.status).toBe('fail');
    expect(outcome.evidence).toEqual([
      'component:default/checkout (critical) -> component:default/search (critical) -> component:default/recommendations (low)',
    ]);
    // The refs the evidence names, for links without parsing the text.
    expect(outcome.refs).toEqual([
      ref('checkout'),
      ref('search'),
      ref('recommendations'),
    ]);
  });

  it('ignores soft dependencies', () => {
    const catalog = [
      service(
        'checkout',
        { dependsOn: ['recommendations'] },
        tier('critical', {
          'mandate.dev/soft-dependencies': 'recommendations',
        }),
      ),
      service('recommendations', {}, tier('low')),
    ];
    expect(runRule(noTierInversionRule, catalog, ref('checkout')).status).toBe(
      'pass',
    );
  });

  it('counts a reachable neighbour with no or an invalid tier as an offence, even from low (v1.1)', () => {
    const catalog = [
      service('checkout', { dependsOn: ['x'] }, tier('medium')),
      service('x', {}, tier('Highest')),
      service('lowly', { dependsOn: ['untiered'] }, tier('low')),
      service('untiered'),
      service('fine', { dependsOn: ['lowest'] }, tier('low')),
      service('lowest', {}, tier('low')),
    ];
    const outcome = runRule(noTierInversionRule, catalog, ref('checkout'));
    expect(outcome.status).toBe('fail');
    expect(outcome.evidence?.[0]).toContain('component:default/x (no tier)');
    const lowly = runRule(noTierInversionRule, catalog, ref('lowly'));
    expect(lowly.status).toBe('fail');
    expect(lowly.evidence).toEqual([
      'component:default/lowly (low) -> component:default/untiered (no tier)',
    ]);
    expect(runRule(noTierInversionRule, catalog, ref('fine')).status).toBe(
      'pass',
    );
  });

  it('passes when dependencies are as critical or more', () => {
    const catalog = [
      service('a', { dependsOn: ['b', 'a'] }, tier('high')),
      service('b', {}, tier('critical')),
    ];
    expect(runRule(noTierInversionRule, catalog, ref('a')).status).toBe('pass');
  });
});

describe('deps.no-tier-inversion fix', () => {
  it('is a decision on the offending edge: its caller makes it soft, or it takes the tier', () => {
    const catalog = [
      service('web', { dependsOn: ['checkout'] }, tier('critical')),
      service(
        'checkout',
        { dependsOn: ['recs'] },
        tier('critical', { 'mandate.dev/soft-dependencies': 'search' }),
      ),
      service('recs', {}, tier('low')),
    ];
    const fix = runRule(noTierInversionRule, catalog, ref('web')).fix!;
    expect(fix).toMatchObject({ decision: true, entityRef: ref('checkout') });
    expect(fix.text).toContain(
      'component:default/recs becomes critical (from low)',
    );
    expect(parseAllDocuments(fix.snippet).map(d => d.toJS())).toEqual([
      {
        metadata: {
          annotations: {
            'mandate.dev/soft-dependencies': 'search,component:default/recs',
          },
        },
      },
      { metadata: { annotations: { 'mandate.dev/tier': 'critical' } } },
    ]);
    expect(fix.snippet).toContain(
      'Option 2, in component:default/recs: it is critical',
    );
  });
});
