import { Entity } from '@backstage/catalog-model';
import { CatalogSnapshot } from '../catalog';
import { api, resource, service } from '../testUtils/entities';
import { ServiceGraph } from './ServiceGraph';

const ref = (name: string) => `component:default/${name}`;

function graphOf(entities: Entity[]) {
  return ServiceGraph.of(CatalogSnapshot.fromEntities(entities), ['service']);
}

describe('ServiceGraph', () => {
  it('has services only as nodes and links dependsOn and consumed APIs to each provider', () => {
    const graph = graphOf([
      service('a', {
        dependsOn: ['b', 'resource:db', 'website'],
        consumesApis: ['shared-api'],
      }),
      service('b'),
      service('c', { providesApis: ['shared-api'] }),
      service('d', { providesApis: ['shared-api'] }),
      service('website', { type: 'website' }),
      resource('db', 'database'),
      api('shared-api'),
    ]);
    expect(graph.services.map(s => s.name)).toEqual(['a', 'b', 'c', 'd']);
    expect(graph.edgesFrom(ref('a'))).toEqual([
      { to: ref('b'), hard: true },
      { to: ref('c'), hard: true },
      { to: ref('d'), hard: true },
    ]);
  });

  it('does not follow paths through non-service entities', () => {
    const graph = graphOf([
      service('a', { dependsOn: ['resource:queue'] }),
      resource('queue', 'queue', { dependsOn: ['component:b'] }),
      service('b'),
    ]);
    expect(graph.edgesFrom(ref('a'))).toEqual([]);
  });

  it('makes an edge soft only when every contributing link is soft', () => {
    const graph = graphOf([
      service(
        'a',
        { dependsOn: ['b', 'c'], consumesApis: ['c-api', 'd-api'] },
        { 'mandate.dev/soft-dependencies': 'b, c, api:d-api' },
      ),
      service('b'),
      service('c', { providesApis: ['c-api'] }),
      service('d', { providesApis: ['d-api'] }),
      api('c-api'),
      api('d-api'),
    ]);
    expect(graph.edgesFrom(ref('a'))).toEqual([
      { to: ref('b'), hard: false },
      { to: ref('c'), hard: false },
      { to: ref('d'), hard: false },
    ]);

    const mixed = graphOf([
      service(
        'a',
        { dependsOn: ['c'], consumesApis: ['c-api'] },
        {
          'mandate.dev/soft-dependencies': 'api:c-api',
        },
      ),
      service('c', { providesApis: ['c-api'] }),
      api('c-api'),
    ]);
    expect(mixed.edgesFrom(ref('a'))).toEqual([{ to: ref('c'), hard: true }]);
  });

  it('ignores consumed API refs that do not resolve to an API', () => {
    const graph = graphOf([
      service('a', { consumesApis: ['ghost-api'] }),
      service('b', { providesApis: ['ghost-api'] }),
    ]);
    expect(graph.edgesFrom(ref('a'))).toEqual([]);
  });

  it('finds cycles, including self-loops and soft edges', () => {
    const graph = graphOf([
      service('a', { dependsOn: ['b'] }),
      service(
        'b',
        { dependsOn: ['c'] },
        { 'mandate.dev/soft-dependencies': 'c' },
      ),
      service('c', { dependsOn: ['a', 'd'] }),
      service('d'),
      service('self', { dependsOn: ['self'] }),
    ]);
    expect(graph.cycleOf(ref('a'))).toEqual({
      members: [ref('a'), ref('b'), ref('c')],
      path: [ref('a'), ref('b'), ref('c'), ref('a')],
    });
    expect(graph.cycleOf(ref('d'))).toBeUndefined();
    expect(graph.cycleOf(ref('self'))).toEqual({
      members: [ref('self')],
      path: [ref('self'), ref('self')],
    });
  });

  it('multiplies the SLOs of hard-reachable services once each, excluding the service itself', () => {
    const graph = graphOf([
      service(
        'a',
        { dependsOn: ['b', 'c', 'soft'] },
        {
          'mandate.dev/slo': '99.9',
          'mandate.dev/soft-dependencies': 'soft',
        },
      ),
      service('b', { dependsOn: ['d', 'a'] }, { 'mandate.dev/slo': '99.9' }),
      service('c', { dependsOn: ['d'] }, { 'mandate.dev/slo': '99.95' }),
      service('d', {}, { 'mandate.dev/slo': '99.99' }),
      service('soft', {}, { 'mandate.dev/slo': '50' }),
    ]);
    const reach = graph.hardReach(ref('a'))!;
    expect(reach.count).toBe(3);
    expect(reach.compositeSlo).toBeCloseTo(100 * 0.999 * 0.9995 * 0.9999, 10);
    expect(reach.weakest).toEqual({ ref: ref('b'), slo: 99.9 });
    expect(reach.missingSlo).toEqual([]);
  });

  it('finds the shortest path to a less critical tier through hard edges only', () => {
    const graph = graphOf([
      service(
        'checkout',
        { dependsOn: ['cart', 'ads'] },
        {
          'mandate.dev/tier': 'critical',
          'mandate.dev/soft-dependencies': 'ads',
        },
      ),
      service(
        'cart',
        { dependsOn: ['recommendations'] },
        { 'mandate.dev/tier': 'critical' },
      ),
      service('recommendations', {}, { 'mandate.dev/tier': 'low' }),
      service('ads', {}, { 'mandate.dev/tier': 'low' }),
    ]);
    expect(graph.tierInversion(ref('checkout'))?.labels).toEqual([
      'component:default/checkout (critical)',
      'component:default/cart (critical)',
      'component:default/recommendations (low)',
    ]);
    expect(graph.tierInversion(ref('recommendations'))).toBeUndefined();
  });

  it('lists the services upstream of a set', () => {
    const graph = graphOf([
      service('a', { dependsOn: ['b'] }),
      service('b', { dependsOn: ['c'] }),
      service('c'),
      service('x', { dependsOn: ['a'] }),
      service('unrelated'),
    ]);
    expect([...graph.upstreamOf([ref('b')])].sort()).toEqual([
      ref('a'),
      ref('b'),
      ref('x'),
    ]);
  });

  it('is memoised per snapshot and service types', () => {
    const snapshot = CatalogSnapshot.fromEntities([service('a')]);
    expect(ServiceGraph.of(snapshot, ['service'])).toBe(
      ServiceGraph.of(snapshot, ['service']),
    );
    expect(ServiceGraph.of(snapshot, ['website'])).not.toBe(
      ServiceGraph.of(snapshot, ['service']),
    );
  });
});

describe('ServiceGraph of a derived snapshot', () => {
  const entities = () => [
    service(
      'a',
      { dependsOn: ['b'], consumesApis: ['c-api'] },
      { 'mandate.dev/slo': '99.9', 'mandate.dev/tier': 'high' },
    ),
    service(
      'b',
      { dependsOn: ['c'] },
      { 'mandate.dev/slo': '99.9', 'mandate.dev/tier': 'high' },
    ),
    service(
      'c',
      { providesApis: ['c-api'] },
      { 'mandate.dev/slo': '99.9', 'mandate.dev/tier': 'high' },
    ),
    service(
      'd',
      { providesApis: ['d-api'] },
      { 'mandate.dev/slo': '99', 'mandate.dev/tier': 'low' },
    ),
    api('c-api'),
    api('d-api'),
  ];
  const facts = (graph: ServiceGraph) =>
    graph.services.map(s => ({
      ref: s.ref,
      edges: graph.edgesFrom(s.ref),
      upstream: [...graph.upstreamOf([s.ref])].sort(),
      cycle: graph.cycleOf(s.ref),
      reach: graph.hardReach(s.ref),
      inversion: graph.tierInversion(s.ref),
    }));

  it.each([
    [
      'a service adds a dependency (closing a cycle)',
      {
        upsert: [
          service(
            'c',
            { providesApis: ['c-api'], dependsOn: ['a'] },
            { 'mandate.dev/slo': '99.9', 'mandate.dev/tier': 'high' },
          ),
        ],
      },
    ],
    [
      'a service lowers its tier and SLO',
      {
        upsert: [
          service(
            'b',
            { dependsOn: ['c'] },
            { 'mandate.dev/slo': '90', 'mandate.dev/tier': 'low' },
          ),
        ],
      },
    ],
    [
      'an API changes provider',
      {
        upsert: [
          service(
            'd',
            { providesApis: ['d-api', 'c-api'] },
            { 'mandate.dev/slo': '99', 'mandate.dev/tier': 'low' },
          ),
        ],
      },
    ],
    ['an API disappears', { remove: ['api:default/c-api'] }],
    ['a service disappears', { remove: ['component:default/b'] }],
    ['a service appears', { upsert: [service('e', { dependsOn: ['a'] })] }],
  ])('equals the graph built from scratch when %s', (_, changes) => {
    const parent = CatalogSnapshot.fromEntities(entities());
    ServiceGraph.of(parent, ['service']).cycleOf(ref('a'));
    const derived = parent.withChanges(changes as any);
    const fresh = new CatalogSnapshot(
      derived.entities.map(e => ({ entity: e.entity })),
    );
    expect(facts(ServiceGraph.of(derived, ['service']))).toEqual(
      facts(ServiceGraph.of(fresh, ['service'])),
    );
    // the parent's graph is untouched
    expect(facts(ServiceGraph.of(parent, ['service']))).toEqual(
      facts(
        ServiceGraph.of(CatalogSnapshot.fromEntities(entities()), ['service']),
      ),
    );
  });
});
