import request from 'supertest';
import {
  mockCredentials,
  mockServices,
  startTestBackend,
} from '@backstage/backend-test-utils';
import { catalogServiceMock } from '@backstage/plugin-catalog-node/testUtils';
import { ConflictError } from '@backstage/errors';
import { AuthorizeResult } from '@backstage/plugin-permission-common';
import { builtInRules } from '@mandate-dev/plugin-mandate-node';
import { mandatePlugin } from './plugin';
import { fixtureCatalog } from './__testUtils__/fixtureCatalog';
import { mandateTestDatabases } from './__testUtils__/testDatabases';

jest.setTimeout(60_000);

const databases = mandateTestDatabases();

const ORDERS = encodeURIComponent('component:default/orders');
const user = () => `Bearer ${mockCredentials.user.token()}`;

describe.each(databases.eachSupportedId())(
  'mandate backend on %p',
  databaseId => {
    async function start(
      options: {
        permission?: AuthorizeResult.ALLOW | AuthorizeResult.DENY;
        catalog?: ReturnType<typeof catalogServiceMock.mock>;
      } = {},
    ) {
      const knex = await databases.init(databaseId);
      const { server } = await startTestBackend({
        features: [
          mandatePlugin,
          options.catalog?.factory ??
            catalogServiceMock.factory({ entities: fixtureCatalog }),
          mockServices.database.factory({ knex }),
          mockServices.scheduler.factory(),
          mockServices.httpAuth.factory({
            defaultCredentials: mockCredentials.none(),
          }),
          mockServices.permissions.factory({
            result: options.permission ?? AuthorizeResult.ALLOW,
          }),
          mockServices.rootConfig.factory({
            data: { mandate: { maxWaiverDays: 30 } },
          }),
        ],
      });
      return { server, knex };
    }

    /** Queues a full evaluation; the mock scheduler runs the job task before answering. */
    async function evaluate(server: Parameters<typeof request>[0]) {
      const queued = await request(server)
        .post('/api/mandate/evaluate')
        .set('Authorization', user())
        .send({});
      expect(queued.status).toBe(202);
      const job = await request(server)
        .get(`/api/mandate/evaluations/${queued.body.id}`)
        .set('Authorization', user());
      expect(job.body.status).toBe('succeeded');
    }

    it('answers concurrent evaluation requests with the job already queued or running', async () => {
      // Full reads of the catalog wait for the gate while it is closed.
      let gate: Promise<void> = Promise.resolve();
      let open = () => {};
      let reading = () => {};
      const entities = catalogServiceMock({ entities: fixtureCatalog });
      const catalog = catalogServiceMock.mock({
        getEntities: async (req, opts) => {
          if (!req?.fields) {
            reading();
            await gate;
          }
          return entities.getEntities(req, opts);
        },
      });
      const { server } = await start({ catalog });
      await evaluate(server);

      gate = new Promise(resolve => {
        open = resolve;
      });
      const readStarted = new Promise<void>(resolve => {
        reading = resolve;
      });
      const post = (body: object) =>
        request(server)
          .post('/api/mandate/evaluate')
          .set('Authorization', user())
          .send(body);
      // The mock scheduler runs this job before answering: it answers once the gate opens.
      const first = post({});
      first.then(() => undefined);
      await readStarted;
      const [again, orders] = await Promise.all([
        post({}),
        post({ entityRef: 'component:default/orders' }),
      ]);
      open();
      const firstResponse = await first;
      expect(firstResponse.status).toBe(202);
      for (const response of [again, orders]) {
        expect(response.status).toBe(202);
        expect(response.body).toMatchObject({
          id: firstResponse.body.id,
          status: 'running',
        });
      }
      const job = await request(server)
        .get(`/api/mandate/evaluations/${firstResponse.body.id}`)
        .set('Authorization', user());
      expect(job.body.status).toBe('succeeded');

      // Once it finished, a request gets a new job.
      const later = await post({});
      expect(later.status).toBe(202);
      expect(later.body.id).not.toBe(firstResponse.body.id);
    });

    it('answers 202 while the job task is running on another replica', async () => {
      const knex = await databases.init(databaseId);
      // The real scheduler refuses to trigger a global task whose lock another replica holds.
      const scheduler = mockServices.scheduler.mock({
        triggerTask: async id => {
          throw new ConflictError(`Task ${id} is currently running`);
        },
      });
      const { server } = await startTestBackend({
        features: [
          mandatePlugin,
          catalogServiceMock.factory({ entities: fixtureCatalog }),
          mockServices.database.factory({ knex }),
          scheduler.factory,
        ],
      });
      const post = () =>
        request(server)
          .post('/api/mandate/evaluate')
          .set('Authorization', user())
          .send({});
      const queued = await post();
      expect(queued.status).toBe(202);
      expect(queued.body.status).toBe('queued');
      // The running task takes it; until then, requests share it.
      expect((await post()).body.id).toBe(queued.body.id);
    });

    it('answers 401 without credentials', async () => {
      const { server } = await start();
      const response = await request(server).get('/api/mandate/summary');
      expect(response.status).toBe(401);
    });

    it('lists the rules with their options', async () => {
      const { server } = await start();
      const response = await request(server)
        .get('/api/mandate/rules')
        .set('Authorization', user());
      expect(response.status).toBe(200);
      expect(response.body.items.map((r: { id: string }) => r.id)).toEqual(
        builtInRules.map(r => r.id),
      );
      const twoPizza = response.body.items.find(
        (r: { id: string }) => r.id === 'ownership.two-pizza-team',
      );
      expect(twoPizza.options).toEqual({ maxMembers: 16 });
    });

    it('evaluates the catalog on demand and serves one report per service', async () => {
      const { server } = await start();
      const before = await request(server)
        .get(`/api/mandate/entities/${ORDERS}`)
        .set('Authorization', user());
      expect(before.status).toBe(404);

      await evaluate(server);

      const response = await request(server)
        .get(`/api/mandate/entities/${ORDERS}`)
        .set('Authorization', user());
      expect(response.status).toBe(200);
      expect(response.body.entityRef).toBe('component:default/orders');
      expect(response.body.results).toHaveLength(builtInRules.length);
      const inversion = response.body.results.find(
        (r: { ruleId: string }) => r.ruleId === 'deps.no-tier-inversion',
      );
      expect(inversion.status).toBe('fail');
      expect(inversion.evidence.join(' ')).toContain(
        'component:default/recommendations',
      );

      const report = await request(server)
        .get('/api/mandate/report?tier=critical')
        .set('Authorization', user());
      expect(report.body.total).toBe(1);
      expect(report.body.items[0].system).toBe('system:default/commerce');

      const failing = await request(server)
        .get('/api/mandate/report?ruleId=deps.no-tier-inversion&status=fail')
        .set('Authorization', user());
      expect(
        failing.body.items.map((e: { entityRef: string }) => e.entityRef),
      ).toEqual(['component:default/orders']);
    });

    it('evaluates on demand a service registered after the last evaluation', async () => {
      // The catalog gains a service once Mandate has read it: change detection has not run.
      const entities = [...fixtureCatalog];
      const current = () => catalogServiceMock({ entities });
      const catalog = catalogServiceMock.mock({
        getEntities: (req, opts) => current().getEntities(req, opts),
        getEntitiesByRefs: (req, opts) =>
          current().getEntitiesByRefs(req, opts),
      });
      const { server } = await start({ catalog });
      await evaluate(server);
      const orders = fixtureCatalog.find(e => e.metadata.name === 'orders')!;
      entities.push({
        ...orders,
        metadata: { ...orders.metadata, name: 'gift-cards' },
      });

      const post = (entityRef: string) =>
        request(server)
          .post('/api/mandate/evaluate')
          .set('Authorization', user())
          .send({ entityRef });
      const queued = await post('component:default/gift-cards');
      expect(queued.status).toBe(202);
      const job = await request(server)
        .get(`/api/mandate/evaluations/${queued.body.id}`)
        .set('Authorization', user());
      expect(job.body.status).toBe('succeeded');
      const report = await request(server)
        .get(
          `/api/mandate/entities/${encodeURIComponent(
            'component:default/gift-cards',
          )}`,
        )
        .set('Authorization', user());
      expect(report.status).toBe(200);

      // Neither in the catalog nor stored: still not a service.
      expect((await post('component:default/no-such-service')).status).toBe(
        404,
      );
      // In the catalog but not a service (an API): not evaluated either.
      expect((await post('api:default/orders-api')).status).toBe(404);
    });

    it('summarises by team, tier and rule', async () => {
      const { server } = await start();
      await evaluate(server);
      const response = await request(server)
        .get('/api/mandate/summary')
        .set('Authorization', user());
      expect(response.status).toBe(200);
      expect(response.body.organisation.services).toBe(2);
      expect(response.body.teams).toHaveLength(1);
      expect(response.body.teams[0].owner).toBe('group:default/checkout-team');
      expect(response.body.tiers.map((t: { tier: string }) => t.tier)).toEqual([
        'critical',
        'low',
      ]);
      const inversion = response.body.rules.find(
        (r: { ruleId: string }) => r.ruleId === 'deps.no-tier-inversion',
      );
      expect(inversion).toMatchObject({ fail: 1, pass: 1 });
    });

    it('rejects requests that do not match the OpenAPI document with 400', async () => {
      const { server } = await start();
      const badLevel = await request(server)
        .get('/api/mandate/report?level=platinum')
        .set('Authorization', user());
      expect(badLevel.status).toBe(400);
      const badWaiver = await request(server)
        .post('/api/mandate/waivers')
        .set('Authorization', user())
        .send({ entityRef: 'component:default/orders' });
      expect(badWaiver.status).toBe(400);
    });

    it('waives a failing rule, rescoring the service, and revokes it', async () => {
      const { server } = await start();
      await evaluate(server);
      const before = await request(server)
        .get(`/api/mandate/entities/${ORDERS}`)
        .set('Authorization', user());
      const inversionCounts = async () =>
        (
          await request(server)
            .get('/api/mandate/summary')
            .set('Authorization', user())
        ).body.rules.find(
          (r: { ruleId: string }) => r.ruleId === 'deps.no-tier-inversion',
        );
      expect(await inversionCounts()).toMatchObject({ fail: 1, waived: 0 });

      const expiresAt = new Date(
        Date.now() + 7 * 24 * 3600 * 1000,
      ).toISOString();
      const created = await request(server)
        .post('/api/mandate/waivers')
        .set('Authorization', user())
        .send({
          entityRef: 'component:default/orders',
          ruleId: 'deps.no-tier-inversion',
          reason: 'migrating off recommendations',
          expiresAt,
        });
      expect(created.status).toBe(201);
      expect(created.body.grantedBy).toBe('user:default/mock');

      const duplicate = await request(server)
        .post('/api/mandate/waivers')
        .set('Authorization', user())
        .send({
          entityRef: 'component:default/orders',
          ruleId: 'deps.no-tier-inversion',
          reason: 'again',
          expiresAt,
        });
      expect(duplicate.status).toBe(409);

      const waived = await request(server)
        .get(`/api/mandate/entities/${ORDERS}`)
        .set('Authorization', user());
      expect(
        waived.body.results.find(
          (r: { ruleId: string }) => r.ruleId === 'deps.no-tier-inversion',
        ).status,
      ).toBe('waived');
      expect(waived.body.score).toBeGreaterThan(before.body.score);
      expect(waived.body.waivers).toHaveLength(1);

      const listed = await request(server)
        .get('/api/mandate/report?ruleId=deps.no-tier-inversion&status=waived')
        .set('Authorization', user());
      expect(listed.body.total).toBe(1);
      // The cached summary follows the change.
      expect(await inversionCounts()).toMatchObject({ fail: 0, waived: 1 });

      const revoked = await request(server)
        .delete(`/api/mandate/waivers/${created.body.id}`)
        .set('Authorization', user());
      expect(revoked.status).toBe(204);
      const again = await request(server)
        .delete(`/api/mandate/waivers/${created.body.id}`)
        .set('Authorization', user());
      expect(again.status).toBe(409);
      const after = await request(server)
        .get(`/api/mandate/entities/${ORDERS}`)
        .set('Authorization', user());
      expect(after.body.score).toBe(before.body.score);
    });

    it('refuses waivers beyond maxWaiverDays, for unknown rules and unknown services', async () => {
      const { server } = await start();
      await evaluate(server);
      const send = (body: object) =>
        request(server)
          .post('/api/mandate/waivers')
          .set('Authorization', user())
          .send(body);
      const tooLong = new Date(
        Date.now() + 31 * 24 * 3600 * 1000,
      ).toISOString();
      const soon = new Date(Date.now() + 24 * 3600 * 1000).toISOString();
      expect(
        (
          await send({
            entityRef: 'component:default/orders',
            ruleId: 'ops.runbook',
            reason: 'x',
            expiresAt: tooLong,
          })
        ).status,
      ).toBe(400);
      expect(
        (
          await send({
            entityRef: 'component:default/orders',
            ruleId: 'no.such-rule',
            reason: 'x',
            expiresAt: soon,
          })
        ).status,
      ).toBe(400);
      expect(
        (
          await send({
            entityRef: 'component:default/ghost',
            ruleId: 'ops.runbook',
            reason: 'x',
            expiresAt: soon,
          })
        ).status,
      ).toBe(404);
      expect(
        (
          await request(server)
            .delete('/api/mandate/waivers/nope')
            .set('Authorization', user())
        ).status,
      ).toBe(404);
    });

    it('answers 403 to mutations under a denying policy', async () => {
      const { server } = await start({ permission: AuthorizeResult.DENY });
      const evaluation = await request(server)
        .post('/api/mandate/evaluate')
        .set('Authorization', user())
        .send({});
      expect(evaluation.status).toBe(403);
      const waiver = await request(server)
        .post('/api/mandate/waivers')
        .set('Authorization', user())
        .send({
          entityRef: 'component:default/orders',
          ruleId: 'ops.runbook',
          reason: 'x',
          expiresAt: new Date(Date.now() + 3600_000).toISOString(),
        });
      expect(waiver.status).toBe(403);
      // Reading stays allowed.
      expect(
        (
          await request(server)
            .get('/api/mandate/rules')
            .set('Authorization', user())
        ).status,
      ).toBe(200);
    });

    it('exports the report as CSV, one row per service and rule', async () => {
      const { server } = await start();
      await evaluate(server);
      const response = await request(server)
        .get('/api/mandate/export.csv')
        .set('Authorization', user());
      expect(response.status).toBe(200);
      expect(response.headers['content-type']).toContain('text/csv');
      const lines = response.text.trim().split('\n');
      expect(lines[0]).toBe(
        'entityRef,owner,tier,level,score,ruleId,status,message,evidence',
      );
      expect(lines).toHaveLength(1 + 2 * builtInRules.length);
    });

    it('serves the dependency view and history', async () => {
      const { server } = await start();
      await evaluate(server);
      const graph = await request(server)
        .get(`/api/mandate/graph/${ORDERS}`)
        .set('Authorization', user());
      expect(graph.status).toBe(200);
      expect(graph.body.dependencies).toEqual([
        {
          entityRef: 'component:default/recommendations',
          tier: 'low',
          slo: 99,
          hard: true,
        },
      ]);
      expect(graph.body.tierInversionPath).toEqual([
        'component:default/orders',
        'component:default/recommendations',
      ]);
      expect(graph.body.compositeAvailability).toBeCloseTo(99);

      const history = await request(server)
        .get(`/api/mandate/history?entityRef=${ORDERS}`)
        .set('Authorization', user());
      expect(history.body.points).toHaveLength(1);
      const organisation = await request(server)
        .get('/api/mandate/history')
        .set('Authorization', user());
      expect(organisation.body.points[0].levels).toBeDefined();
      expect(
        (
          await request(server)
            .get('/api/mandate/graph/component%3Adefault%2Fghost')
            .set('Authorization', user())
        ).status,
      ).toBe(404);
    });
  },
);
