import request from 'supertest';
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
const user = () => `Bearer ${mockCredentials.user.token()}`;
const inAWeek = () => new Date(Date.now() + 7 * 24 * 3600 * 1000).toISOString();

/** What an error body must never carry: stacks, host paths, SQL or driver messages. */
function expectSafeErrorBody(body: any) {
  expect(body.error).toEqual(
    expect.objectContaining({
      name: expect.any(String),
      message: expect.any(String),
    }),
  );
  const text = JSON.stringify(body.error);
  expect(text).not.toMatch(/stack/i);
  expect(text).not.toMatch(/\bat .*\(.*:\d+:\d+\)/);
  expect(text).not.toMatch(/(^|[\s"'(:=])\/[\w.@-]+\//);
  expect(text).not.toMatch(
    /\b(select|insert|update|delete)\b[\s\S]*\b(from|into|set|where)\b/i,
  );
  expect(text).not.toMatch(
    /sqlite|postgres|syntax error|relation "|constraint|mandate_/i,
  );
}

describe.each(databases.eachSupportedId())('the REST API on %p', databaseId => {
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
        mockServices.permissions.factory({ result: AuthorizeResult.ALLOW }),
        mockServices.rootConfig.factory({
          data: { mandate: { maxWaiverDays: 30 } },
        }),
      ],
    });
    return { server, knex };
  }

  async function evaluate(server: Parameters<typeof request>[0]) {
    const queued = await request(server)
      .post('/api/mandate/evaluate')
      .set('Authorization', user())
      .send({});
    expect(queued.status).toBe(202);
  }

  describe('waivers', () => {
    it('grants one of six concurrent identical waiver requests and refuses the others with 409', async () => {
      const { server } = await start();
      await evaluate(server);
      const body = {
        entityRef: ORDERS,
        ruleId: 'deps.no-tier-inversion',
        reason: 'migrating off recommendations',
        expiresAt: inAWeek(),
      };
      const responses = await Promise.all(
        Array.from({ length: 6 }, () =>
          request(server)
            .post('/api/mandate/waivers')
            .set('Authorization', user())
            .send(body),
        ),
      );
      expect(responses.map(r => r.status).sort()).toEqual([
        201, 409, 409, 409, 409, 409,
      ]);
      for (const refused of responses.filter(r => r.status === 409)) {
        expect(refused.body.error.message).toBe(
          `${ORDERS} already has a waiver for deps.no-tier-inversion`,
        );
        expectSafeErrorBody(refused.body);
      }
      const listed = await request(server)
        .get(`/api/mandate/waivers?entityRef=${encodeURIComponent(ORDERS)}`)
        .set('Authorization', user());
      expect(listed.body.items).toHaveLength(1);
      const report = await request(server)
        .get(`/api/mandate/entities/${encodeURIComponent(ORDERS)}`)
        .set('Authorization', user());
      expect(report.body.waivers).toHaveLength(1);
    });
  });

  describe('input', () => {
    it.each([
      ['offset=-1'],
      ['offset=1.5'],
      ['offset=abc'],
      ['offset=99999999999999999999'],
      ['offset=1e30'],
      ['limit=0'],
      ['limit=-5'],
      ['limit=501'],
      ['limit=2.5'],
      ['limit=NaN'],
      ['limit=99999999999999999999'],
    ])('answers 400 to /report?%s', async query => {
      const { server } = await start();
      const response = await request(server)
        .get(`/api/mandate/report?${query}`)
        .set('Authorization', user());
      expect(response.status).toBe(400);
      expectSafeErrorBody(response.body);
    });

    it('still pages with valid offset and limit', async () => {
      const { server } = await start();
      await evaluate(server);
      const response = await request(server)
        .get('/api/mandate/report?offset=1&limit=500')
        .set('Authorization', user());
      expect(response.status).toBe(200);
      expect(response.body).toMatchObject({ total: 2, offset: 1, limit: 500 });
      expect(response.body.items).toHaveLength(1);
    });

    it.each([
      ['GET', '/entities/component%3Adefault%2Forders%00'],
      ['GET', '/graph/%00'],
      ['GET', '/request-path/%00'],
      ['GET', '/report?owner=%00'],
      ['GET', '/report?system=a%00b'],
      ['GET', '/summary?lifecycle=%00'],
      ['GET', '/export.csv?ruleId=%00'],
      ['GET', '/history?entityRef=orders%00'],
      ['GET', '/waivers?entityRef=%00'],
      ['GET', '/evaluations/%00'],
      ['DELETE', '/waivers/%00'],
    ])('answers 400 to a NUL character in %s %s', async (method, path) => {
      const { server } = await start();
      await evaluate(server);
      const response = await (method === 'GET'
        ? request(server).get(`/api/mandate${path}`)
        : request(server).delete(`/api/mandate${path}`)
      ).set('Authorization', user());
      expect(response.status).toBe(400);
      expectSafeErrorBody(response.body);
      expect(response.body.error.message).toMatch(/NUL/);
    });

    it.each([
      [{ entityRef: ORDERS, ruleId: 'ops.runbook', reason: 'a\u0000b' }],
      [{ entityRef: `${ORDERS}\u0000`, ruleId: 'ops.runbook', reason: 'x' }],
      [{ entityRef: ORDERS, ruleId: 'ops.runbook\u0000', reason: 'x' }],
    ])(
      'answers 400 to a NUL character in a waiver request body',
      async fields => {
        const { server } = await start();
        await evaluate(server);
        const response = await request(server)
          .post('/api/mandate/waivers')
          .set('Authorization', user())
          .send({ ...fields, expiresAt: inAWeek() });
        expect(response.status).toBe(400);
        expectSafeErrorBody(response.body);
        const listed = await request(server)
          .get('/api/mandate/waivers')
          .set('Authorization', user());
        expect(listed.body.items).toEqual([]);
      },
    );

    it('answers 400 to a NUL character in an evaluation request body', async () => {
      const { server } = await start();
      const response = await request(server)
        .post('/api/mandate/evaluate')
        .set('Authorization', user())
        .send({ entityRef: 'orders\u0000' });
      expect(response.status).toBe(400);
      expectSafeErrorBody(response.body);
    });

    it('answers 413 to a body over the size limit', async () => {
      const { server } = await start();
      await evaluate(server);
      const response = await request(server)
        .post('/api/mandate/waivers')
        .set('Authorization', user())
        .send({
          entityRef: ORDERS,
          ruleId: 'ops.runbook',
          reason: 'x'.repeat(200_000),
          expiresAt: inAWeek(),
        });
      expect(response.status).toBe(413);
      expectSafeErrorBody(response.body);
    });

    it('answers 400 to malformed JSON without echoing the body', async () => {
      const { server } = await start();
      const response = await request(server)
        .post('/api/mandate/waivers')
        .set('Authorization', user())
        .set('Content-Type', 'application/json')
        .send('{"entityRef": "secret-ish text", ');
      expect(response.status).toBe(400);
      expectSafeErrorBody(response.body);
      expect(JSON.stringify(response.body)).not.toContain('secret-ish text');
    });
  });

  describe('errors', () => {
    it('answers a store failure with a generic 500 that names no table, SQL or driver', async () => {
      const { server, knex } = await start();
      await evaluate(server);
      await knex.schema.dropTable('mandate_audit');
      const response = await request(server)
        .post('/api/mandate/waivers')
        .set('Authorization', user())
        .send({
          entityRef: ORDERS,
          ruleId: 'ops.runbook',
          reason: 'x',
          expiresAt: inAWeek(),
        });
      expect(response.status).toBe(500);
      expectSafeErrorBody(response.body);
      expect(response.body.error.message).toMatch(/logId=[0-9a-f]+/);
    });

    it('carries no stack traces even when the backend runs in development mode', async () => {
      const previous = process.env.NODE_ENV;
      process.env.NODE_ENV = 'development';
      try {
        const { server } = await start();
        const notFound = await request(server)
          .get('/api/mandate/entities/component%3Adefault%2Fghost')
          .set('Authorization', user());
        expect(notFound.status).toBe(404);
        expectSafeErrorBody(notFound.body);
        const invalid = await request(server)
          .get('/api/mandate/report?limit=0')
          .set('Authorization', user());
        expect(invalid.status).toBe(400);
        expectSafeErrorBody(invalid.body);
      } finally {
        process.env.NODE_ENV = previous;
      }
    });
  });

  describe('CSV export', () => {
    it('neutralises cells that a spreadsheet would run as formulas', async () => {
      const { server, knex } = await start();
      await evaluate(server);
      const row = await knex('mandate_entities')
        .where('entity_ref', ORDERS)
        .first();
      const results = JSON.parse(row.results);
      results[0] = {
        ...results[0],
        message: '=HYPERLINK("https://evil.example.com","click")',
        evidence: ['+1+1'],
      };
      results[1] = { ...results[1], message: '-2+3', evidence: ['@SUM(A1)'] };
      results[2] = { ...results[2], message: '\t=1+1', evidence: ['\r=1+1'] };
      await knex('mandate_entities')
        .where('entity_ref', ORDERS)
        .update({ results: JSON.stringify(results), owner: '=cmd|calc' });

      const response = await request(server)
        .get('/api/mandate/export.csv')
        .set('Authorization', user());
      expect(response.status).toBe(200);
      const text = response.text;
      expect(text).toContain(
        `"'=HYPERLINK(""https://evil.example.com"",""click"")"`,
      );
      expect(text).toContain("'=cmd|calc");
      expect(text).toContain("'+1+1");
      expect(text).toContain("'-2+3");
      expect(text).toContain("'@SUM(A1)");
      expect(text).toContain("'\t=1+1");
      expect(text).toContain("'\r=1+1");
      // No cell (after a separator or at a line start) begins with a formula trigger.
      expect(text).not.toMatch(/(^|[,\n])"?[=+\-@\t\r]/);
      // Ordinary values are left alone.
      expect(text).toContain(`${ORDERS},'=cmd|calc,critical,`);
    });
  });
});
