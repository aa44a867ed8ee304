import { Entity } from '@backstage/catalog-model';
import { CatalogSnapshot } from '../catalog';
import { ServiceGraph } from '../graph';
import { api, resource, service, team, user } from '../testUtils/entities';
import { replaceEvaluated } from '../testUtils/replaceEvaluated';
import { affectedEntities } from './affectedEntities';
import { evaluateCatalog } from './evaluateCatalog';

const now = new Date('2026-11-26T10:00:00Z');
const tier = (t: string, slo = '99.9', extra: Record<string, string> = {}) => ({
  'mandate.dev/tier': t,
  'mandate.dev/slo': slo,
  'mandate.dev/keepalive-timeout': '60',
  ...extra,
});

function baseCatalog(): Entity[] {
  return [
    team('team-a', ['alice']),
    team('team-b', ['bob']),
    user('carol', ['team-b']),
    service('web', { consumesApis: ['orders-api'] }, tier('critical', '99.5')),
    service(
      'orders',
      {
        providesApis: ['orders-api'],
        dependsOn: ['payments', 'resource:orders-db'],
      },
      tier('high', '99.8'),
    ),
    service(
      'payments',
      {
        owner: 'team-b',
        providesApis: ['payments-api'],
        dependsOn: ['resource:payments-db'],
      },
      tier('high', '99.95'),
    ),
    service(
      'reports',
      { owner: 'team-b', dependsOn: ['resource:reports-db'] },
      tier('low', '99'),
    ),
    service('lonely', { owner: 'team-b' }, tier('medium')),
    resource(
      'gateway',
      'load-balancer',
      { dependsOn: ['component:web'] },
      { 'mandate.dev/keepalive-timeout': '30' },
    ),
    api('orders-api'),
    api('payments-api', { owner: 'team-b' }),
    resource('orders-db', 'database', { dependsOn: ['resource:cluster'] }),
    resource('payments-db', 'database', {
      owner: 'team-b',
      dependsOn: ['resource:cluster'],
    }),
    resource('reports-db', 'database', {
      owner: 'team-b',
      dependsOn: ['resource:cluster'],
    }),
    resource('cluster', 'database-cluster'),
  ];
}

type Mutation = [string, (entities: Entity[]) => Entity[], string[]];

const replace =
  (name: string, change: (e: Entity) => Entity | undefined) =>
  (entities: Entity[]) =>
    entities.flatMap(e => {
      if (e.metadata.name !== name) return [e];
      const changed = change(structuredClone(e));
      return changed ? [changed] : [];
    });

const mutations: Mutation[] = [
  [
    'lower the SLO of a deep dependency',
    replace('payments', e => {
      e.metadata.annotations!['mandate.dev/slo'] = '95';
      return e;
    }),
    ['component:default/payments'],
  ],
  [
    'lower the tier of a neighbour on the same cluster',
    replace('reports', e => {
      e.metadata.annotations!['mandate.dev/tier'] = 'high';
      return e;
    }),
    ['component:default/reports'],
  ],
  [
    'remove an API',
    replace('orders-api', () => undefined),
    ['api:default/orders-api'],
  ],
  [
    'add a member to a team',
    entities => [...entities, user('dave', ['team-a'])],
    ['user:default/dave'],
  ],
  [
    'create a cycle',
    replace('payments', e => {
      (e.spec as any).dependsOn.push('component:web');
      return e;
    }),
    ['component:default/payments'],
  ],
  [
    'change a load balancer timeout',
    replace('gateway', e => {
      e.metadata.annotations!['mandate.dev/keepalive-timeout'] = '90';
      return e;
    }),
    ['resource:default/gateway'],
  ],
  [
    'move a database to another team',
    replace('orders-db', e => {
      (e.spec as any).owner = 'team-b';
      return e;
    }),
    ['resource:default/orders-db'],
  ],
  [
    'add a service that depends hard on a low service',
    entities => [
      ...entities,
      service(
        'newcomer',
        { dependsOn: ['reports'] },
        tier('critical', '99.99'),
      ),
    ],
    ['component:default/newcomer'],
  ],
  [
    'make a service a library',
    replace('payments', e => {
      (e.spec as any).type = 'library';
      return e;
    }),
    ['component:default/payments'],
  ],
];

/** The snapshot after a mutation, built from scratch or derived from the previous one. */
function nextSnapshot(
  previous: CatalogSnapshot,
  entities: Entity[],
  changed: string[],
  derive: boolean,
) {
  if (!derive) return CatalogSnapshot.fromEntities(entities);
  ServiceGraph.of(previous, ['service']); // so that the derived graph is patched, not rebuilt
  const byRef = new Map(
    CatalogSnapshot.fromEntities(entities).entities.map(e => [e.ref, e.entity]),
  );
  return previous.withChanges({
    upsert: changed
      .filter(ref => byRef.has(ref))
      .map(ref => ({ entity: byRef.get(ref)! })),
    remove: changed.filter(ref => !byRef.has(ref)),
  });
}

describe('affectedEntities', () => {
  it.each(
    mutations.flatMap(([name, mutate, changed]) => [
      [`${name} (new snapshot)`, mutate, changed, false] as const,
      [`${name} (derived snapshot)`, mutate, changed, true] as const,
    ]),
  )(
    'gives the same report as a full evaluation after: %s',
    (_, mutate, changed, derive) => {
      const previousEntities = baseCatalog();
      const previous = CatalogSnapshot.fromEntities(previousEntities);
      const next = nextSnapshot(
        previous,
        mutate(previousEntities),
        changed,
        derive,
      );

      const before = evaluateCatalog({ snapshot: previous, now });
      const full = evaluateCatalog({ snapshot: next, now });
      const affected = affectedEntities(previous, next, changed);
      const partial = evaluateCatalog({
        snapshot: next,
        now,
        entityRefs: affected,
      });
      expect(replaceEvaluated(before, partial, affected)).toEqual(full);
      // ...and it did not simply re-evaluate everything.
      expect(affected).not.toContain('component:default/lonely');
    },
  );

  it('includes services that reach a change only through the graph', () => {
    const previous = CatalogSnapshot.fromEntities(baseCatalog());
    const before = evaluateCatalog({ snapshot: previous, now });
    const next = previous.withChanges({
      upsert: [
        {
          entity: service(
            'payments',
            {
              owner: 'team-b',
              providesApis: ['payments-api'],
              dependsOn: ['resource:payments-db'],
            },
            tier('high', '90'),
          ),
        },
      ],
    });
    const affected = affectedEntities(previous, next, [
      'component:default/payments',
    ]);
    // orders depends on payments (a neighbour); web only reaches it through orders.
    expect(affected).toContain('component:default/web');
    const partial = evaluateCatalog({
      snapshot: next,
      now,
      entityRefs: affected,
    });
    expect(replaceEvaluated(before, partial, affected)).toEqual(
      evaluateCatalog({ snapshot: next, now }),
    );
  });

  it('includes the services upstream of a change', () => {
    const entities = baseCatalog();
    const snapshot = CatalogSnapshot.fromEntities(entities);
    expect(
      affectedEntities(snapshot, snapshot, ['component:default/payments']),
    ).toEqual([
      'component:default/orders',
      'component:default/payments',
      'component:default/reports', // shares the cluster
      'component:default/web',
    ]);
  });
});
