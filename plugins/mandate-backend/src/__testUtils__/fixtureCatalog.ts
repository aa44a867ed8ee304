import { Entity } from '@backstage/catalog-model';

const OPENAPI = JSON.stringify({
  openapi: '3.0.3',
  info: { title: 'orders', version: '1.2.0' },
  paths: {
    '/orders': {
      get: {
        parameters: [
          { name: 'X-Request-ID', in: 'header', schema: { type: 'string' } },
        ],
        security: [{ oauth: ['orders'] }],
        responses: {
          '200': { description: 'ok' },
          '429': { description: 'slow down' },
          '500': {
            description: 'failed',
            content: {
              'application/problem+json': { schema: { type: 'object' } },
            },
          },
        },
      },
    },
  },
  components: { securitySchemes: { oauth: { type: 'oauth2', flows: {} } } },
});

function service(
  name: string,
  annotations: Record<string, string>,
  spec: object = {},
): Entity {
  return {
    apiVersion: 'backstage.io/v1alpha1',
    kind: 'Component',
    metadata: {
      name,
      annotations: {
        'mandate.dev/runbook': `https://runbooks.example.com/${name}`,
        'mandate.dev/dashboard': `https://grafana.example.com/d/${name}`,
        'mandate.dev/on-call': 'group:default/checkout-team',
        'mandate.dev/key-metrics': 'availability,latency-p99',
        ...annotations,
      },
    },
    spec: {
      type: 'service',
      lifecycle: 'production',
      owner: 'group:default/checkout-team',
      system: 'commerce',
      ...spec,
    },
  };
}

/**
 * A small organisation for the backend tests: `orders` is critical and hard-depends on the
 * low-tier `recommendations` (a tier inversion), so both pass and failing rules show up.
 */
export const fixtureCatalog: Entity[] = [
  {
    apiVersion: 'backstage.io/v1alpha1',
    kind: 'Group',
    metadata: { name: 'checkout-team' },
    spec: { type: 'team', children: [], members: ['alice', 'bob'] },
  },
  ...['alice', 'bob'].map(name => ({
    apiVersion: 'backstage.io/v1alpha1',
    kind: 'User',
    metadata: { name },
    spec: { memberOf: ['checkout-team'] },
  })),
  service(
    'orders',
    { 'mandate.dev/tier': 'critical', 'mandate.dev/slo': '99.9' },
    {
      providesApis: ['orders-api'],
      dependsOn: ['component:default/recommendations'],
    },
  ),
  service(
    'recommendations',
    { 'mandate.dev/tier': 'low', 'mandate.dev/slo': '99' },
    { providesApis: ['orders-api'] },
  ),
  {
    apiVersion: 'backstage.io/v1alpha1',
    kind: 'API',
    metadata: {
      name: 'orders-api',
      annotations: { 'mandate.dev/rate-limit': '100/min' },
    },
    spec: {
      type: 'openapi',
      lifecycle: 'production',
      owner: 'group:default/checkout-team',
      definition: OPENAPI,
    },
  },
];
