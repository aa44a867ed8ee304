import fs from 'node:fs';
import path from 'node:path';
import { parse as parseYaml } from 'yaml';
import { Entity } from '@backstage/catalog-model';
import {
  CatalogSnapshot,
  loadCatalogFiles,
  ServiceGraph,
} from '@mandate-dev/plugin-mandate-node';
import { buildRequestPath, RequestPathOptions } from './buildRequestPath';

const OPTIONS: RequestPathOptions = {
  serviceTypes: ['service'],
  platformTemplates: ['node-22'],
};

function entity(
  kind: string,
  name: string,
  spec: Record<string, unknown>,
  annotations: Record<string, string> = {},
  title?: string,
): Entity {
  return {
    apiVersion: 'backstage.io/v1alpha1',
    kind,
    metadata: { name, annotations, ...(title ? { title } : {}) },
    spec: spec as Entity['spec'],
  };
}

const service = (
  name: string,
  spec: Record<string, unknown> = {},
  annotations: Record<string, string> = {},
) => entity('Component', name, { type: 'service', ...spec }, annotations);

function view(
  entities: Entity[],
  ref: string,
  options: Partial<RequestPathOptions> = {},
) {
  const snapshot = CatalogSnapshot.fromEntities(entities);
  const all = { ...OPTIONS, ...options };
  return buildRequestPath(
    ref,
    snapshot,
    ServiceGraph.of(snapshot, all.serviceTypes),
    all,
  );
}

const ka = (seconds: string) => ({ 'mandate.dev/keepalive-timeout': seconds });
const C = (name: string) => `component:default/${name}`;
const R = (name: string) => `resource:default/${name}`;

/** A CDN -> load balancer -> gateway -> orders chain, orders' dependencies and its data. */
const shop = [
  entity(
    'Resource',
    'cdn',
    { type: 'cdn', dependsOn: ['resource:lb'] },
    ka('10'),
  ),
  entity(
    'Resource',
    'lb',
    { type: 'load-balancer', dependsOn: ['component:gateway'] },
    ka('90'),
  ),
  entity(
    'Component',
    'gateway',
    { type: 'gateway', dependsOn: ['component:orders'] },
    ka('30'),
    'Public gateway',
  ),
  service(
    'orders',
    {
      dependsOn: ['component:payments', 'resource:orders-db'],
      consumesApis: ['api:recommendations-api'],
    },
    {
      ...ka('60'),
      'mandate.dev/tier': 'critical',
      'mandate.dev/slo': '99.95',
      'mandate.dev/platform-template': 'node-22',
      'mandate.dev/soft-dependencies': 'component:recommendations',
    },
  ),
  service(
    'payments',
    { dependsOn: ['component:ledger'] },
    {
      'mandate.dev/tier': 'critical',
      'mandate.dev/platform-template': 'cobol-85',
    },
  ),
  service('ledger', {}, { 'mandate.dev/tier': 'medium' }),
  service(
    'recommendations',
    {
      providesApis: ['api:recommendations-api'],
      dependsOn: ['component:ml'],
    },
    { 'mandate.dev/tier': 'low' },
  ),
  service('ml'),
  entity('API', 'recommendations-api', { type: 'openapi' }),
  entity('Resource', 'orders-db', {
    type: 'database',
    dependsOn: ['resource:pg'],
  }),
  entity('Resource', 'pg', { type: 'database-cluster' }),
  // Not on orders' path: a queue is no layer, and another service behind the gateway.
  entity('Resource', 'queue', { type: 'queue' }),
];

describe('buildRequestPath', () => {
  it('walks from the access layer through the service and its hard dependencies to the data', () => {
    const result = view(shop, C('orders'))!;
    expect(result.nodes.map(n => [n.entityRef, n.layer])).toEqual([
      [R('cdn'), 'access'],
      [R('lb'), 'access'],
      [C('gateway'), 'access'],
      [C('orders'), 'service'],
      [C('payments'), 'service'],
      [C('recommendations'), 'service'],
      [R('orders-db'), 'data'],
      [C('ledger'), 'service'],
      [R('pg'), 'infrastructure'],
    ]);
    // The soft dependency is shown, but what it depends on (ml) is not followed.
    expect(result.nodes.map(n => n.entityRef)).not.toContain(C('ml'));
    expect(result.edges).toEqual(
      expect.arrayContaining([
        { from: C('orders'), to: C('recommendations'), soft: true },
        { from: C('orders'), to: R('orders-db'), soft: false },
        { from: R('orders-db'), to: R('pg'), soft: false },
      ]),
    );
    expect(result.truncated).toBe(false);
  });

  it('marks keep-alive order violations on dependsOn edges, as layers.keepalive-order reads them', () => {
    const result = view(shop, C('orders'))!;
    const problems = result.edges
      .filter(e => e.keepaliveProblem)
      .map(e => [e.from, e.to, e.keepaliveProblem]);
    expect(problems).toEqual([
      [
        R('lb'),
        C('gateway'),
        'keep-alive 90 s >= 30 s: lb must drop idle connections before gateway closes them',
      ],
    ]);
    // cdn (10) -> lb (90) and gateway (30) -> orders (60) are in order.
    expect(
      result.edges.find(e => e.from === C('gateway'))!.keepaliveProblem,
    ).toBeUndefined();
  });

  it('says when a keep-alive timeout is not a number, and ignores consumed-API edges', () => {
    const catalog = [
      entity(
        'Resource',
        'lb',
        { type: 'load-balancer', dependsOn: ['component:orders'] },
        ka('a minute'),
      ),
      service('orders', { consumesApis: ['api:payments-api'] }, ka('60')),
      service('payments', { providesApis: ['api:payments-api'] }, ka('5')),
      entity('API', 'payments-api', { type: 'openapi' }),
    ];
    const result = view(catalog, C('orders'))!;
    expect(result.edges).toEqual([
      {
        from: C('orders'),
        to: C('payments'),
        soft: false,
      },
      {
        from: R('lb'),
        to: C('orders'),
        soft: false,
        keepaliveProblem:
          'the keep-alive timeout of lb (a minute) is not a number of seconds',
      },
    ]);
  });

  it('marks hard edges to a less critical tier or to no tier, never soft ones', () => {
    const result = view(shop, C('orders'))!;
    const inversions = result.edges
      .filter(e => e.tierInversion)
      .map(e => `${e.from} -> ${e.to}`);
    // orders -> recommendations (low) is soft; payments (critical) -> ledger (medium) is hard.
    expect(inversions).toEqual([`${C('payments')} -> ${C('ledger')}`]);

    const untiered = view(
      [
        service(
          'a',
          { dependsOn: ['component:b'] },
          { 'mandate.dev/tier': 'low' },
        ),
        service('b'),
      ],
      C('a'),
    )!;
    expect(untiered.edges).toEqual([
      { from: C('a'), to: C('b'), soft: false, tierInversion: true },
    ]);
  });

  it('gives each hop its tier, SLO, platform template (approved or not) and keep-alive timeout', () => {
    const result = view(shop, C('orders'))!;
    const byRef = new Map(result.nodes.map(n => [n.entityRef, n]));
    expect(byRef.get(C('orders'))).toEqual({
      entityRef: C('orders'),
      kind: 'component',
      type: 'service',
      layer: 'service',
      title: 'orders',
      tier: 'critical',
      slo: 99.95,
      platformTemplate: { name: 'node-22', approved: true },
      keepaliveTimeout: '60',
    });
    expect(byRef.get(C('payments'))!.platformTemplate).toEqual({
      name: 'cobol-85',
      approved: false,
    });
    expect(byRef.get(C('gateway'))!.title).toBe('Public gateway');
    expect(byRef.get(R('pg'))!.keepaliveTimeout).toBeNull();

    const unconfigured = view(shop, C('orders'), {
      platformTemplates: undefined,
    })!;
    expect(
      unconfigured.nodes.find(n => n.entityRef === C('orders'))!
        .platformTemplate,
    ).toEqual({ name: 'node-22', approved: null });
  });

  it('centres on a load balancer: its keep-alive chain down to the services', () => {
    const result = view(shop, R('lb'))!;
    expect(result.entityRef).toBe(R('lb'));
    expect(result.nodes.map(n => n.entityRef)).toEqual([
      R('cdn'),
      R('lb'),
      C('gateway'),
      C('orders'),
      C('payments'),
      C('recommendations'),
      R('orders-db'),
      C('ledger'),
      R('pg'),
    ]);
    expect(view(shop, C('gateway'))!.nodes[0].entityRef).toBe(R('cdn'));
  });

  it('answers nothing for an entity that is neither a service nor in the access layer', () => {
    expect(view(shop, R('orders-db'))).toBeUndefined();
    expect(view(shop, R('queue'))).toBeUndefined();
    expect(view(shop, C('ghost'))).toBeUndefined();
  });

  it('stops at its bounds and says so', () => {
    const chain = Array.from({ length: 30 }, (_, i) =>
      service(`s${i}`, i < 29 ? { dependsOn: [`component:s${i + 1}`] } : {}),
    );
    const deep = view(chain, C('s0'), { maxDepth: 5 })!;
    expect(deep.nodes).toHaveLength(6);
    expect(deep.truncated).toBe(true);
    const wide = view(chain, C('s0'), { maxNodes: 10 })!;
    expect(wide.nodes).toHaveLength(10);
    expect(wide.truncated).toBe(true);
    expect(view(chain, C('s20'))!.truncated).toBe(false);
  });

  it('follows a dependency cycle once', () => {
    const cycle = [
      service('a', { dependsOn: ['component:b'] }),
      service('b', { dependsOn: ['component:a'] }),
    ];
    const result = view(cycle, C('a'))!;
    expect(result.nodes.map(n => n.entityRef)).toEqual([C('a'), C('b')]);
    expect(result.edges).toHaveLength(2);
  });
});

describe('buildRequestPath on the demo catalog', () => {
  const repo = path.resolve(__dirname, '../../../..');
  let snapshot: CatalogSnapshot;
  let options: RequestPathOptions;
  beforeAll(async () => {
    const { inputs } = await loadCatalogFiles([path.join(repo, 'catalog')]);
    snapshot = new CatalogSnapshot(inputs);
    const appConfig = parseYaml(
      fs.readFileSync(path.join(repo, 'app-config.yaml'), 'utf8'),
    );
    options = {
      serviceTypes: ['service'],
      platformTemplates: appConfig.mandate.platformTemplates,
    };
  });
  const demo = (ref: string) =>
    buildRequestPath(
      ref,
      snapshot,
      ServiceGraph.of(snapshot, options.serviceTypes),
      options,
    )!;

  it('marks storefront-lb -> storefront: the load balancer keeps idle connections 75 s, the storefront 60 s', () => {
    const result = demo('component:default/storefront');
    expect(result.nodes[0]).toMatchObject({
      entityRef: R('storefront-lb'),
      layer: 'access',
      keepaliveTimeout: '75',
    });
    const problems = result.edges.filter(e => e.keepaliveProblem);
    expect(problems).toEqual([
      {
        from: R('storefront-lb'),
        to: C('storefront'),
        soft: false,
        keepaliveProblem:
          'keep-alive 75 s >= 60 s: storefront-lb must drop idle connections before storefront closes them',
      },
    ]);
    const soft = result.edges.filter(e => e.soft).map(e => e.to);
    expect(soft).toEqual([C('recommendations'), C('reviews')]);
    // checkout's hard dependency on the low-tier recommendations service.
    expect(
      result.edges
        .filter(e => e.tierInversion)
        .map(e => `${e.from} -> ${e.to}`),
    ).toContain(`${C('checkout')} -> ${C('recommendations')}`);
    const layers = new Set(result.nodes.map(n => n.layer));
    expect([...layers].sort()).toEqual([
      'access',
      'data',
      'infrastructure',
      'service',
    ]);
  });

  it('shows the api gateway in the chain of api-lb, in order', () => {
    const result = demo('resource:default/api-lb');
    expect(result.nodes.slice(0, 2).map(n => n.entityRef)).toEqual([
      R('api-lb'),
      C('api-gateway'),
    ]);
    expect(result.edges.filter(e => e.keepaliveProblem)).toEqual([]);
    expect(result.edges).toContainEqual({
      from: R('api-lb'),
      to: C('api-gateway'),
      soft: false,
    });
  });
});
