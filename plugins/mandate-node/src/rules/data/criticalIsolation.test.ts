import { parseAllDocuments } from 'yaml';
import { resource, service } from '../../testUtils/entities';
import { runRule } from '../../testUtils/runRule';
import { criticalIsolationRule } from './criticalIsolation';

const payments = 'component:default/payments';
const tier = (t: string) => ({ 'mandate.dev/tier': t });

function catalog(paymentsTier: string, neighbourTier?: string) {
  return [
    service(
      'payments',
      { dependsOn: ['resource:payments-db'] },
      tier(paymentsTier),
    ),
    service(
      'ads',
      { dependsOn: ['resource:ads-db'] },
      neighbourTier ? tier(neighbourTier) : {},
    ),
    resource('payments-db', 'database', {
      dependsOn: ['resource:shared-cluster'],
    }),
    resource('ads-db', 'database', { dependsOn: ['resource:shared-cluster'] }),
    resource('shared-cluster', 'database-cluster'),
  ];
}

describe('data.critical-isolation', () => {
  it('is not applicable below high or without a valid tier', () => {
    expect(
      runRule(criticalIsolationRule, catalog('medium', 'low'), payments).status,
    ).toBe('not-applicable');
    expect(
      runRule(criticalIsolationRule, catalog('Critical', 'low'), payments)
        .status,
    ).toBe('not-applicable');
  });

  it('fails when a less critical service uses a database on the same cluster', () => {
    const outcome = runRule(
      criticalIsolationRule,
      catalog('critical', 'low'),
      payments,
    );
    expect(outcome.status).toBe('fail');
    expect(outcome.evidence).toEqual([
      'resource:default/payments-db shares resource:default/shared-cluster with component:default/ads (low) on resource:default/ads-db',
    ]);
  });

  it('counts a neighbour without a valid tier as low', () => {
    expect(
      runRule(criticalIsolationRule, catalog('high'), payments).status,
    ).toBe('fail');
    expect(
      runRule(criticalIsolationRule, catalog('high', 'urgent'), payments)
        .status,
    ).toBe('fail');
  });

  it('passes when the neighbours are at least as critical', () => {
    expect(
      runRule(criticalIsolationRule, catalog('high', 'high'), payments).status,
    ).toBe('pass');
    expect(
      runRule(criticalIsolationRule, catalog('high', 'critical'), payments)
        .status,
    ).toBe('pass');
  });

  it('only counts other databases on the cluster, used by services', () => {
    const sameDb = [
      service(
        'payments',
        { dependsOn: ['resource:payments-db'] },
        tier('critical'),
      ),
      service('ads', { dependsOn: ['resource:payments-db'] }, tier('low')),
      service('job', { type: 'batch', dependsOn: ['resource:other-db'] }),
      resource('payments-db', 'database', { dependsOn: ['resource:c'] }),
      resource('other-db', 'database', { dependsOn: ['resource:c'] }),
      resource('c', 'database-cluster'),
    ];
    expect(runRule(criticalIsolationRule, sameDb, payments).status).toBe(
      'pass',
    );
  });
});

describe('data.critical-isolation fix', () => {
  it('is a decision: move its database to a cluster of its tier, or move the less critical ones', () => {
    const fix = runRule(
      criticalIsolationRule,
      catalog('critical', 'low'),
      payments,
    ).fix!;
    expect(fix).toMatchObject({
      decision: true,
      entityRef: 'resource:default/payments-db',
    });
    expect(fix.text).toContain(
      'move resource:default/ads-db off resource:default/shared-cluster',
    );
    expect(parseAllDocuments(fix.snippet).map(d => d.toJS())).toEqual([
      { spec: { dependsOn: ['resource:default/shared-cluster-critical'] } },
      {
        apiVersion: 'backstage.io/v1alpha1',
        kind: 'Resource',
        metadata: { name: 'shared-cluster-critical' },
        spec: { type: 'database-cluster', owner: 'group:default/team-a' },
      },
    ]);
  });
});
