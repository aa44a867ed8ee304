import { Entity } from '@backstage/catalog-model';
import { SnapshotInput } from '../catalog';
import { api, resource, service, team, user } from './entities';

const RUNBOOK = '# Runbook\n## Diagnosis\n## Mitigation\n## Escalation\n';

/** Annotations that satisfy every ops.* rule. */
export function goldAnnotations(
  tier = 'high',
  slo = '99.9',
): Record<string, string> {
  return {
    'mandate.dev/tier': tier,
    'mandate.dev/slo': slo,
    'mandate.dev/runbook': 'https://wiki.example.com/runbook',
    'mandate.dev/on-call': 'team-a',
    'mandate.dev/key-metrics': 'availability,latency-p99',
    'mandate.dev/dashboard': 'https://grafana.example.com/d/1',
  };
}

/**
 * A small organisation where `orders` reaches gold: a team, its API, its own database on a
 * cluster, and a hard dependency on `payments` (same team, higher SLO) through its API.
 */
export function goldCatalog(): (Entity | SnapshotInput)[] {
  return [
    team('team-a', ['alice', 'bob']),
    user('alice', ['team-a']),
    service(
      'orders',
      {
        providesApis: ['orders-api'],
        consumesApis: ['payments-api'],
        dependsOn: ['resource:orders-db'],
      },
      goldAnnotations('high', '99.9'),
    ),
    service(
      'payments',
      { providesApis: ['payments-api'], dependsOn: ['resource:payments-db'] },
      {
        ...goldAnnotations('critical', '99.95'),
        'mandate.dev/runbook': './runbook.md',
      },
    ),
    api('orders-api'),
    api('payments-api'),
    resource('orders-db', 'database', { dependsOn: ['resource:cluster-1'] }),
    resource('payments-db', 'database', { dependsOn: ['resource:cluster-1'] }),
    resource('cluster-1', 'database-cluster'),
  ].map(entity =>
    entity.metadata.name === 'payments'
      ? {
          entity,
          source: '/catalog/payments.yaml',
          runbook: { path: 'runbook.md', text: RUNBOOK },
        }
      : entity,
  );
}
