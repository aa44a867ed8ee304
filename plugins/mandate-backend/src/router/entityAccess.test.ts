import request from 'supertest';
import {
  BackstageCredentials,
  BackstageUserPrincipal,
  createServiceFactory,
} from '@backstage/backend-plugin-api';
import {
  mockCredentials,
  mockServices,
  startTestBackend,
} from '@backstage/backend-test-utils';
import { stringifyEntityRef } from '@backstage/catalog-model';
import { catalogServiceRef } from '@backstage/plugin-catalog-node';
import { catalogServiceMock } from '@backstage/plugin-catalog-node/testUtils';
import {
  AuthorizeResult,
  PolicyDecision,
  ResourcePermission,
} from '@backstage/plugin-permission-common';
import { builtInRules } from '@mandate-dev/plugin-mandate-node';
import { mandatePlugin } from '../plugin';
import { fixtureCatalog } from '../__testUtils__/fixtureCatalog';
import { mandateTestDatabases } from '../__testUtils__/testDatabases';

jest.setTimeout(60_000);

const databases = mandateTestDatabases();

const ORDERS = 'component:default/orders';
const RECOMMENDATIONS = 'component:default/recommendations';
const ADMIN = 'user:default/admin';
const OWNER = 'user:default/orders-owner';
const as = (userEntityRef: string) =>
  `Bearer ${mockCredentials.user.token(userEntityRef)}`;

interface AskedRequest {
  user?: string;
  permission: string;
  resourceRef?: string;
}

/**
 * A policy like Mandate's, decided here so that the router's side is tested alone: the admin may
 * do anything; the owner of orders may read, waive and re-evaluate orders only (a conditional
 * decision, which the permission framework resolves per resource), and read no other service.
 */
function ownerScopedPermissions(asked: AskedRequest[]) {
  const userOf = (credentials: BackstageCredentials) =>
    (credentials.principal as BackstageUserPrincipal).userEntityRef;
  const decide = (
    user: string,
    resourceRef?: string,
  ): AuthorizeResult.ALLOW | AuthorizeResult.DENY =>
    user === ADMIN || resourceRef === ORDERS
      ? AuthorizeResult.ALLOW
      : AuthorizeResult.DENY;
  return mockServices.permissions.mock({
    async authorize(requests, { credentials }) {
      return requests.map(r => {
        const resourceRef = 'resourceRef' in r ? r.resourceRef : undefined;
        asked.push({
          user: userOf(credentials),
          permission: r.permission.name,
          resourceRef,
        });
        return { result: decide(userOf(credentials), resourceRef) };
      });
    },
    async authorizeConditional(requests, { credentials }) {
      return requests.map(r => {
        asked.push({
          user: userOf(credentials),
          permission: r.permission.name,
        });
        if (userOf(credentials) === ADMIN)
          return { result: AuthorizeResult.ALLOW };
        const permission = r.permission as ResourcePermission;
        const decision: PolicyDecision = {
          result: AuthorizeResult.CONDITIONAL,
          pluginId: 'catalog',
          resourceType: permission.resourceType,
          conditions: {
            rule: 'IS_ENTITY_OWNER',
            resourceType: permission.resourceType,
            params: { claims: ['group:default/checkout-team'] },
          },
        };
        return decision;
      });
    },
  });
}

/** The catalog answers a user only with the entities that user may read: here, orders. */
const catalogReadableByOwner = createServiceFactory({
  service: catalogServiceRef,
  deps: {},
  factory() {
    const catalog = catalogServiceMock({ entities: fixtureCatalog });
    const getEntities = catalog.getEntities.bind(catalog);
    catalog.getEntities = (async (
      req: Parameters<typeof getEntities>[0],
      options: { credentials: BackstageCredentials },
    ) => {
      const all = await getEntities(req, options);
      const principal = options.credentials.principal as { type: string };
      if (principal.type !== 'user') return all;
      const user = (principal as BackstageUserPrincipal).userEntityRef;
      if (user === ADMIN) return all;
      return {
        items: all.items.filter(
          e => stringifyEntityRef(e).toLowerCase() === ORDERS,
        ),
      };
    }) as typeof catalog.getEntities;
    return catalog;
  },
});

describe.each(databases.eachSupportedId())(
  'who may see and change what, on %p',
  databaseId => {
    async function start() {
      const asked: AskedRequest[] = [];
      const knex = await databases.init(databaseId);
      const { server } = await startTestBackend({
        features: [
          mandatePlugin,
          catalogReadableByOwner,
          mockServices.database.factory({ knex }),
          mockServices.scheduler.factory(),
          mockServices.httpAuth.factory({
            defaultCredentials: mockCredentials.none(),
          }),
          ownerScopedPermissions(asked).factory,
          mockServices.rootConfig.factory({
            data: { mandate: { maxWaiverDays: 30 } },
          }),
        ],
      });
      const queued = await request(server)
        .post('/api/mandate/evaluate')
        .set('Authorization', as(ADMIN))
        .send({});
      expect(queued.status).toBe(202);
      asked.length = 0;
      return { server, asked };
    }

    const soon = () =>
      new Date(Date.now() + 7 * 24 * 3600 * 1000).toISOString();

    it('answers 404 for the scorecard, graph, history and waivers of a service the user may not read', async () => {
      const { server, asked } = await start();
      const get = (path: string) =>
        request(server)
          .get(`/api/mandate${path}`)
          .set('Authorization', as(OWNER));
      const hidden = encodeURIComponent(RECOMMENDATIONS);
      expect((await get(`/entities/${hidden}`)).status).toBe(404);
      expect((await get(`/graph/${hidden}`)).status).toBe(404);
      expect((await get(`/history?entityRef=${hidden}`)).status).toBe(404);
      expect((await get(`/waivers?entityRef=${hidden}`)).status).toBe(404);
      // The admin sees it, and the owner sees its own service.
      const admin = await request(server)
        .get(`/api/mandate/entities/${hidden}`)
        .set('Authorization', as(ADMIN));
      expect(admin.status).toBe(200);
      const visible = encodeURIComponent(ORDERS);
      expect((await get(`/entities/${visible}`)).status).toBe(200);
      expect((await get(`/graph/${visible}`)).status).toBe(200);
      expect((await get(`/history?entityRef=${visible}`)).status).toBe(200);
      expect(asked).toContainEqual({
        user: OWNER,
        permission: 'catalog.entity.read',
        resourceRef: RECOMMENDATIONS,
      });
    });

    it('answers the request path of a readable service without the hops the user may not read', async () => {
      const { server, asked } = await start();
      const get = (ref: string, user: string) =>
        request(server)
          .get(`/api/mandate/request-path/${encodeURIComponent(ref)}`)
          .set('Authorization', as(user));
      const hops = (body: { nodes: { entityRef: string }[] }) =>
        body.nodes.map(node => node.entityRef);

      const admin = await get(ORDERS, ADMIN);
      expect(admin.status).toBe(200);
      expect(hops(admin.body)).toEqual([ORDERS, RECOMMENDATIONS]);
      expect(admin.body.edges).toEqual([
        { from: ORDERS, to: RECOMMENDATIONS, soft: false, tierInversion: true },
      ]);

      const owner = await get(ORDERS, OWNER);
      expect(owner.status).toBe(200);
      expect(hops(owner.body)).toEqual([ORDERS]);
      expect(owner.body.edges).toEqual([]);
      expect(asked).toContainEqual({
        user: OWNER,
        permission: 'catalog.entity.read',
        resourceRef: RECOMMENDATIONS,
      });

      // A hidden service and a missing one get the same answer.
      const hidden = await get(RECOMMENDATIONS, OWNER);
      const missing = await get('component:default/ghost', ADMIN);
      expect(hidden.status).toBe(404);
      expect(missing.status).toBe(404);
      expect(hidden.body.error.message).toBe(
        `${RECOMMENDATIONS} is not a service or an access-layer entity in the catalog`,
      );
    });

    it('lists only readable services in the report, the export and the waivers; the summary stays organisation-wide', async () => {
      const { server } = await start();
      await request(server)
        .post('/api/mandate/waivers')
        .set('Authorization', as(ADMIN))
        .send({
          entityRef: RECOMMENDATIONS,
          ruleId: 'ops.runbook',
          reason: 'migrating',
          expiresAt: soon(),
        });
      const get = (path: string, user = OWNER) =>
        request(server)
          .get(`/api/mandate${path}`)
          .set('Authorization', as(user));

      const report = await get('/report');
      expect(report.body.total).toBe(1);
      expect(
        report.body.items.map((e: { entityRef: string }) => e.entityRef),
      ).toEqual([ORDERS]);
      expect((await get('/report', ADMIN)).body.total).toBe(2);

      const csv = (await get('/export.csv')).text.trim().split('\n');
      expect(csv).toHaveLength(1 + builtInRules.length);
      expect(csv.slice(1).every(line => line.startsWith(`${ORDERS},`))).toBe(
        true,
      );

      expect((await get('/waivers')).body.items).toEqual([]);
      expect((await get('/waivers', ADMIN)).body.items).toHaveLength(1);

      expect((await get('/summary')).body.organisation.services).toBe(2);
      expect((await get('/history')).status).toBe(200);
    });

    it("authorizes waivers and re-evaluation against the service's entity", async () => {
      const { server, asked } = await start();
      const waive = (entityRef: string, user = OWNER) =>
        request(server)
          .post('/api/mandate/waivers')
          .set('Authorization', as(user))
          .send({
            entityRef,
            ruleId: 'ops.runbook',
            reason: 'migrating',
            expiresAt: soon(),
          });

      const own = await waive(ORDERS);
      expect(own.status).toBe(201);
      expect(asked).toContainEqual({
        user: OWNER,
        permission: 'mandate.waiver.create',
        resourceRef: ORDERS,
      });
      expect((await waive(RECOMMENDATIONS)).status).toBe(403);
      // A refusal says nothing about whether a service exists.
      expect((await waive('component:default/ghost')).status).toBe(403);

      // Revoke is decided on the waiver's entity.
      const other = await waive(RECOMMENDATIONS, ADMIN);
      expect(other.status).toBe(201);
      const revoke = (id: string) =>
        request(server)
          .delete(`/api/mandate/waivers/${id}`)
          .set('Authorization', as(OWNER));
      expect((await revoke(other.body.id)).status).toBe(403);
      expect(asked).toContainEqual({
        user: OWNER,
        permission: 'mandate.waiver.revoke',
        resourceRef: RECOMMENDATIONS,
      });
      expect((await revoke(own.body.id)).status).toBe(204);

      // One service may be re-evaluated by whoever may on it; a full evaluation needs an
      // unconditional allow.
      const evaluate = (body: object) =>
        request(server)
          .post('/api/mandate/evaluate')
          .set('Authorization', as(OWNER))
          .send(body);
      expect((await evaluate({ entityRef: ORDERS })).status).toBe(202);
      expect(asked).toContainEqual({
        user: OWNER,
        permission: 'mandate.evaluate',
        resourceRef: ORDERS,
      });
      expect((await evaluate({ entityRef: RECOMMENDATIONS })).status).toBe(403);
      expect((await evaluate({})).status).toBe(403);
    });
  },
);
