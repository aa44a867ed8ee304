import request from 'supertest';
import {
  BackstageCredentials,
  BackstageUserPrincipal,
} from '@backstage/backend-plugin-api';
import {
  mockCredentials,
  mockServices,
  startTestBackend,
} from '@backstage/backend-test-utils';
import { catalogServiceMock } from '@backstage/plugin-catalog-node/testUtils';
import { AuthorizeResult } from '@backstage/plugin-permission-common';
import { mandatePlugin } from '../plugin';
import { fixtureCatalog } from '../__testUtils__/fixtureCatalog';
import { mandateTestDatabases } from '../__testUtils__/testDatabases';

jest.setTimeout(60_000);

const databases = mandateTestDatabases();

const ORDERS = 'component:default/orders';
const RULE = 'deps.no-tier-inversion';
const ADMIN = 'user:default/admin';
const OWNER = 'user:default/orders-owner';
const as = (userEntityRef: string) =>
  `Bearer ${mockCredentials.user.token(userEntityRef)}`;
const inAWeek = () => new Date(Date.now() + 7 * 24 * 3600 * 1000).toISOString();

/**
 * Mandate's policy in small, decided here so the router is tested alone: the admin may do
 * anything; the owner of orders may read everything and request and revoke waivers of orders,
 * but not approve them (not even their own requests).
 */
const ownerCannotApprove = mockServices.permissions.mock({
  async authorize(requests, { credentials }) {
    const user = (credentials.principal as BackstageUserPrincipal)
      .userEntityRef;
    return requests.map(r => {
      const resourceRef = 'resourceRef' in r ? r.resourceRef : undefined;
      const allowed =
        user === ADMIN ||
        r.permission.name === 'catalog.entity.read' ||
        (resourceRef === ORDERS &&
          r.permission.name !== 'mandate.waiver.approve');
      return {
        result: allowed ? AuthorizeResult.ALLOW : AuthorizeResult.DENY,
      };
    });
  },
  async authorizeConditional(requests, { credentials }) {
    const user = (credentials as BackstageCredentials<BackstageUserPrincipal>)
      .principal.userEntityRef;
    return requests.map(r => ({
      result:
        user === ADMIN || r.permission.name === 'catalog.entity.read'
          ? AuthorizeResult.ALLOW
          : AuthorizeResult.DENY,
    }));
  },
});

describe.each(databases.eachSupportedId())(
  'waiver governance through the REST API on %p',
  databaseId => {
    async function start() {
      const knex = await databases.init(databaseId);
      const { server } = await startTestBackend({
        features: [
          mandatePlugin,
          catalogServiceMock.factory({ entities: fixtureCatalog }),
          mockServices.database.factory({ knex }),
          mockServices.scheduler.factory(),
          mockServices.httpAuth.factory({
            defaultCredentials: mockCredentials.none(),
          }),
          ownerCannotApprove.factory,
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
      const api = {
        post: (path: string, user: string, body: object = {}) =>
          request(server)
            .post(`/api/mandate${path}`)
            .set('Authorization', as(user))
            .send(body),
        get: (path: string, user = ADMIN) =>
          request(server)
            .get(`/api/mandate${path}`)
            .set('Authorization', as(user)),
        delete: (path: string, user: string) =>
          request(server)
            .delete(`/api/mandate${path}`)
            .set('Authorization', as(user)),
      };
      const statusOfRule = async () =>
        (
          await api.get(`/entities/${encodeURIComponent(ORDERS)}`)
        ).body.results.find((r: { ruleId: string }) => r.ruleId === RULE)
          .status;
      return { api, statusOfRule };
    }
    const body = (extra: object = {}) => ({
      entityRef: ORDERS,
      ruleId: RULE,
      reason: 'migrating off recommendations',
      expiresAt: inAWeek(),
      ...extra,
    });

    it('files an owner request that counts only once an admin approves it', async () => {
      const { api, statusOfRule } = await start();
      const requested = await api.post('/waivers', OWNER, body());
      expect(requested.status).toBe(201);
      expect(requested.body).toMatchObject({
        state: 'requested',
        requestedBy: OWNER,
        grantedBy: '',
        decidedBy: null,
      });
      expect(await statusOfRule()).toBe('fail');
      const report = await api.get(`/entities/${encodeURIComponent(ORDERS)}`);
      expect(report.body.waivers).toEqual([]);
      expect(report.body.requests.map((w: { id: string }) => w.id)).toEqual([
        requested.body.id,
      ]);

      // The owner may not approve their own request.
      const selfApproved = await api.post(
        `/waivers/${requested.body.id}/approve`,
        OWNER,
      );
      expect(selfApproved.status).toBe(403);
      expect(await statusOfRule()).toBe('fail');

      const approved = await api.post(
        `/waivers/${requested.body.id}/approve`,
        ADMIN,
        { comment: 'until the migration lands' },
      );
      expect(approved.status).toBe(200);
      expect(approved.body).toMatchObject({
        state: 'active',
        requestedBy: OWNER,
        grantedBy: ADMIN,
        decidedBy: ADMIN,
        decisionComment: 'until the migration lands',
      });
      expect(await statusOfRule()).toBe('waived');

      // Approving twice, denying an approved waiver: illegal transitions.
      expect(
        (await api.post(`/waivers/${requested.body.id}/approve`, ADMIN)).status,
      ).toBe(409);
      expect(
        (await api.post(`/waivers/${requested.body.id}/deny`, ADMIN)).status,
      ).toBe(409);

      // The owner may revoke it; then it stops counting.
      expect(
        (await api.delete(`/waivers/${requested.body.id}`, OWNER)).status,
      ).toBe(204);
      expect(await statusOfRule()).toBe('fail');
      const listed = await api.get(
        `/waivers?entityRef=${encodeURIComponent(ORDERS)}`,
      );
      expect(listed.body.items).toMatchObject([
        { id: requested.body.id, state: 'revoked', revokedBy: OWNER },
      ]);
    });

    it('denies a request with a comment; it never counts and frees the rule for a new request', async () => {
      const { api, statusOfRule } = await start();
      const requested = await api.post('/waivers', OWNER, body());
      expect((await api.post('/waivers', OWNER, body())).status).toBe(409);
      expect(
        (await api.post(`/waivers/${requested.body.id}/deny`, OWNER)).status,
      ).toBe(403);
      // A request is denied, not revoked.
      expect(
        (await api.delete(`/waivers/${requested.body.id}`, ADMIN)).status,
      ).toBe(409);
      const denied = await api.post(
        `/waivers/${requested.body.id}/deny`,
        ADMIN,
        {
          comment: 'fix the dependency instead',
        },
      );
      expect(denied.status).toBe(200);
      expect(denied.body).toMatchObject({
        state: 'denied',
        decidedBy: ADMIN,
        decisionComment: 'fix the dependency instead',
      });
      expect(await statusOfRule()).toBe('fail');
      expect(
        (await api.post(`/waivers/${requested.body.id}/approve`, ADMIN)).status,
      ).toBe(409);
      expect((await api.post('/waivers', OWNER, body())).status).toBe(201);
      expect((await api.post('/waivers/nope/approve', ADMIN)).status).toBe(404);
      expect(
        (
          await api.post(`/waivers/${requested.body.id}/deny`, ADMIN, {
            comment: 42,
          })
        ).status,
      ).toBe(400);
    });

    it('grants at once for a caller who may approve, unless they ask for a request; grant mode needs approve', async () => {
      const { api, statusOfRule } = await start();
      expect(
        (await api.post('/waivers', OWNER, body({ mode: 'grant' }))).status,
      ).toBe(403);
      const asked = await api.post(
        '/waivers',
        ADMIN,
        body({ mode: 'request' }),
      );
      expect(asked.status).toBe(201);
      expect(asked.body.state).toBe('requested');
      expect(await statusOfRule()).toBe('fail');
      // An approver may approve a request they filed themselves.
      const approved = await api.post(
        `/waivers/${asked.body.id}/approve`,
        ADMIN,
      );
      expect(approved.body.state).toBe('active');
      expect(await statusOfRule()).toBe('waived');

      const granted = await api.post(
        '/waivers',
        ADMIN,
        body({ ruleId: 'ops.runbook', entityRef: 'recommendations' }),
      );
      expect(granted.status).toBe(201);
      expect(granted.body).toMatchObject({
        entityRef: 'component:default/recommendations',
        state: 'active',
        grantedBy: ADMIN,
        requestedBy: ADMIN,
        decidedBy: ADMIN,
      });
      expect(
        (await api.post('/waivers', OWNER, body({ mode: 'sometimes' }))).status,
      ).toBe(400);
    });

    it('lists with filters by state, team and rule, naming each service and its team', async () => {
      const { api } = await start();
      const requested = await api.post('/waivers', OWNER, body());
      const granted = await api.post(
        '/waivers',
        ADMIN,
        body({ ruleId: 'ops.runbook', entityRef: 'recommendations' }),
      );
      const ids = async (query: string) =>
        (await api.get(`/waivers?${query}`)).body.items.map(
          (w: { id: string }) => w.id,
        );
      expect(await ids('state=requested')).toEqual([requested.body.id]);
      expect(await ids('state=active')).toEqual([granted.body.id]);
      // Expires in a week: within 14 days.
      expect(await ids('state=expiring')).toEqual([granted.body.id]);
      expect(await ids('state=denied')).toEqual([]);
      expect(await ids(`ruleId=${RULE}`)).toEqual([requested.body.id]);
      // Both services of the fixture belong to checkout-team.
      expect(await ids('owner=checkout-team')).toEqual([
        granted.body.id,
        requested.body.id,
      ]);
      expect(await ids('owner=checkout-team&state=requested')).toEqual([
        requested.body.id,
      ]);
      expect(
        await ids(`owner=${encodeURIComponent('group:default/nobody')}`),
      ).toEqual([]);
      expect((await api.get('/waivers?state=forever')).status).toBe(400);
      const [item] = (await api.get('/waivers?state=requested')).body.items;
      expect(item).toMatchObject({
        entityRef: ORDERS,
        owner: 'group:default/checkout-team',
      });
    });
  },
);
