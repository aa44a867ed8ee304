import request from 'supertest';
import {
  mockCredentials,
  mockServices,
  startTestBackend,
} from '@backstage/backend-test-utils';
import { Entity } from '@backstage/catalog-model';
import { catalogServiceMock } from '@backstage/plugin-catalog-node/testUtils';
import { AuthorizeResult } from '@backstage/plugin-permission-common';
import { ApiMandateView } from '@mandate-dev/plugin-mandate-common';
import { builtInRules, isOpenApiRule } from '@mandate-dev/plugin-mandate-node';
import { mandatePlugin } from './plugin';
import { fixtureCatalog } from './__testUtils__/fixtureCatalog';
import { mandateTestDatabases } from './__testUtils__/testDatabases';

jest.setTimeout(60_000);

const databases = mandateTestDatabases();

const API = 'api:default/orders-api';
const user = () => `Bearer ${mockCredentials.user.token()}`;

/**
 * The backend fixture with GET /orders losing its `security` (api.security fails there), a
 * second operation, and a consumer of orders-api.
 */
function apiCatalog(): Entity[] {
  return [
    ...fixtureCatalog.map(entity => {
      if (entity.metadata.name === 'orders')
        return {
          ...entity,
          spec: {
            ...entity.spec,
            providesApis: ['orders-api', 'payments-api'],
          },
        };
      if (entity.kind !== 'API') return entity;
      const definition = JSON.parse(entity.spec!.definition as string);
      delete definition.paths['/orders'].get.security;
      definition.paths['/orders/{id}'] = {
        delete: {
          ...definition.paths['/orders'].get,
          security: [{ oauth: ['orders'] }],
        },
      };
      return {
        ...entity,
        spec: { ...entity.spec, definition: JSON.stringify(definition) },
      };
    }),
    {
      apiVersion: 'backstage.io/v1alpha1',
      kind: 'API',
      metadata: { name: 'payments-api' },
      spec: {
        type: 'openapi',
        lifecycle: 'production',
        owner: 'group:default/checkout-team',
        definition: JSON.stringify({
          openapi: '3.0.3',
          info: { title: 'payments', version: '1.0.0' },
          paths: {},
        }),
      },
    },
    {
      apiVersion: 'backstage.io/v1alpha1',
      kind: 'Component',
      metadata: { name: 'storefront' },
      spec: {
        type: 'website',
        lifecycle: 'production',
        owner: 'group:default/checkout-team',
        consumesApis: ['orders-api'],
      },
    },
  ];
}

describe.each(databases.eachSupportedId())(
  'GET /apis/:entityRef on %p',
  databaseId => {
    /** The service refs the user may not read in the catalog. */
    let hidden = new Set<string>();

    async function start() {
      const knex = await databases.init(databaseId);
      const permissions = mockServices.permissions.mock({
        async authorize(requests) {
          return requests.map(r => ({
            result:
              'resourceRef' in r && hidden.has(r.resourceRef!)
                ? AuthorizeResult.DENY
                : AuthorizeResult.ALLOW,
          }));
        },
        async authorizeConditional(requests) {
          return requests.map(() => ({ result: AuthorizeResult.ALLOW }));
        },
      });
      const { server } = await startTestBackend({
        features: [
          mandatePlugin,
          catalogServiceMock.factory({ entities: apiCatalog() }),
          mockServices.database.factory({ knex }),
          mockServices.scheduler.factory(),
          mockServices.httpAuth.factory({
            defaultCredentials: mockCredentials.none(),
          }),
          permissions.factory,
          mockServices.rootConfig.factory({
            data: { mandate: { maxWaiverDays: 30 } },
          }),
        ],
      });
      const queued = await request(server)
        .post('/api/mandate/evaluate')
        .set('Authorization', user())
        .send({});
      expect(queued.status).toBe(202);
      return server;
    }

    const get = (server: Parameters<typeof request>[0], ref: string) =>
      request(server)
        .get(`/api/mandate/apis/${encodeURIComponent(ref)}`)
        .set('Authorization', user());

    beforeEach(() => {
      hidden = new Set();
    });

    it('groups the providers’ API results per operation, with the fix and the services', async () => {
      const server = await start();
      const response = await get(server, API);
      expect(response.status).toBe(200);
      const view = response.body as ApiMandateView;
      expect(view.entityRef).toBe(API);
      expect(view.providers).toEqual([
        'component:default/orders',
        'component:default/recommendations',
      ]);
      expect(view.consumers).toEqual(['component:default/storefront']);

      const getOrders = view.operations.find(o => o.method === 'get');
      expect(getOrders).toMatchObject({
        pointer: '/paths/~1orders/get',
        path: '/orders',
      });
      const security = getOrders!.findings.filter(
        f => f.ruleId === 'api.security',
      );
      expect(security.map(f => f.serviceRef)).toEqual([
        'component:default/orders',
        'component:default/recommendations',
      ]);
      expect(security[0]).toMatchObject({
        status: 'fail',
        fix: { target: 'definition', entityRef: API },
      });
      expect(security[0].fix!.snippet).toContain('security');
      // The secured operation has no api.security finding.
      const deleteOrder = view.operations.find(o => o.method === 'delete');
      expect(
        deleteOrder?.findings.some(f => f.ruleId === 'api.security') ?? false,
      ).toBe(false);

      // Only API rules: the services' other failures (orders' tier inversion) are not here.
      const apiRules = new Set(
        builtInRules.filter(isOpenApiRule).map(rule => rule.id),
      );
      const found = view.operations.flatMap(o => o.findings.map(f => f.ruleId));
      expect(found.length).toBeGreaterThan(0);
      expect(found.every(id => apiRules.has(id))).toBe(true);
    });

    it('shows interface.spec-valid, though no OpenAPI rule, on the API it locates', async () => {
      const server = await start();
      const payments = (await get(server, 'api:default/payments-api'))
        .body as ApiMandateView;
      expect(payments.providers).toEqual(['component:default/orders']);
      const specValid = payments.operations.flatMap(o =>
        o.findings.filter(f => f.ruleId === 'interface.spec-valid'),
      );
      expect(specValid).toMatchObject([
        { status: 'fail', serviceRef: 'component:default/orders' },
      ]);
      expect(specValid[0].evidence!.join('\n')).toContain(
        'api:default/payments-api',
      );
      // orders' spec-valid failure is about payments-api only: not on orders-api.
      const orders = (await get(server, API)).body as ApiMandateView;
      expect(
        orders.operations.some(o =>
          o.findings.some(f => f.ruleId === 'interface.spec-valid'),
        ),
      ).toBe(false);
    });

    it('leaves out the services the user may not read, and their results', async () => {
      const server = await start();
      hidden = new Set(['component:default/recommendations']);
      const view = (await get(server, API)).body as ApiMandateView;
      expect(view.providers).toEqual(['component:default/orders']);
      const services = view.operations.flatMap(o =>
        o.findings.map(f => f.serviceRef),
      );
      expect(services.length).toBeGreaterThan(0);
      expect(new Set(services)).toEqual(new Set(['component:default/orders']));
    });

    it('shows a waived API result as waived, with the waiver that covers it', async () => {
      const server = await start();
      const expiresAt = new Date(
        Date.now() + 7 * 24 * 3600 * 1000,
      ).toISOString();
      const created = await request(server)
        .post('/api/mandate/waivers')
        .set('Authorization', user())
        .send({
          entityRef: 'component:default/orders',
          ruleId: 'api.security',
          reason:
            'the gateway authenticates GET /orders until the API is split',
          expiresAt,
        });
      expect(created.status).toBe(201);

      const view = (await get(server, API)).body as ApiMandateView;
      const security = view.operations
        .find(o => o.method === 'get')!
        .findings.filter(f => f.ruleId === 'api.security');
      // orders' failure is waived; recommendations, which provides the API too, still fails.
      expect(security.map(f => [f.serviceRef, f.status, f.waiver?.id])).toEqual(
        [
          ['component:default/orders', 'waived', created.body.id],
          ['component:default/recommendations', 'fail', undefined],
        ],
      );
      expect(security[0].waiver).toMatchObject({
        reason: 'the gateway authenticates GET /orders until the API is split',
        grantedBy: 'user:default/mock',
        expiresAt,
      });
      // The waived result still says where the problem is and how to fix it.
      expect(security[0].fix!.snippet).toContain('security');
    });

    it('answers 404 for an unknown, unreadable or non-API entity', async () => {
      const server = await start();
      expect((await get(server, 'api:default/nope')).status).toBe(404);
      expect((await get(server, 'component:default/orders')).status).toBe(404);
      hidden = new Set([API]);
      const unreadable = await get(server, API);
      expect(unreadable.status).toBe(404);
      expect(unreadable.body.error.message).toBe(
        `${API} is not an API in the catalog`,
      );
    });
  },
);
