import request from 'supertest';
import {
  mockCredentials,
  mockServices,
  startTestBackend,
} from '@backstage/backend-test-utils';
import {
  actionsRegistryServiceFactory,
  actionsServiceFactory,
} from '@backstage/backend-defaults/alpha';
import mcpActionsPlugin from '@backstage/plugin-mcp-actions-backend';
import { catalogServiceMock } from '@backstage/plugin-catalog-node/testUtils';
import { AuthorizeResult } from '@backstage/plugin-permission-common';
import { CampaignStore } from '../campaigns/CampaignStore';
import { mandatePlugin } from '../plugin';
import { fixtureCatalog } from '../__testUtils__/fixtureCatalog';
import { mandateTestDatabases } from '../__testUtils__/testDatabases';

jest.setTimeout(60_000);

const databases = mandateTestDatabases();

const ORDERS = 'component:default/orders';
const DAY_MS = 24 * 60 * 60 * 1000;

/** The answer of a JSON-RPC call over MCP's streamable HTTP (a JSON body or one SSE message). */
function rpcResult(response: request.Response): any {
  const text = response.text;
  const data = text.startsWith('{')
    ? text
    : text
        .split('\n')
        .filter(line => line.startsWith('data: '))
        .map(line => line.slice('data: '.length))
        .join('');
  const message = JSON.parse(data);
  if (message.error) throw new Error(JSON.stringify(message.error));
  return message.result;
}

describe.each(databases.eachSupportedId())(
  'Mandate actions over the MCP endpoint on %p',
  databaseId => {
    async function start(options: { mayWaive: boolean }) {
      const knex = await databases.init(databaseId);
      const scheduler = mockServices.scheduler.mock();
      const permissions = mockServices.permissions.mock({
        authorize: async requests =>
          requests.map(r => ({
            result:
              r.permission.name === 'mandate.waiver.create' && !options.mayWaive
                ? AuthorizeResult.DENY
                : AuthorizeResult.ALLOW,
          })),
        authorizeConditional: async requests =>
          requests.map(() => ({ result: AuthorizeResult.ALLOW })),
      });
      const { server } = await startTestBackend({
        features: [
          mandatePlugin,
          mcpActionsPlugin,
          actionsRegistryServiceFactory,
          actionsServiceFactory,
          catalogServiceMock.factory({ entities: fixtureCatalog }),
          mockServices.database.factory({ knex }),
          scheduler.factory,
          permissions.factory,
          mockServices.rootConfig.factory({
            data: {
              backend: { actions: { pluginSources: ['mandate'] } },
              mandate: { maxWaiverDays: 30 },
            },
          }),
        ],
      });
      const evaluation = scheduler.scheduleTask.mock.calls
        .map(([task]) => task)
        .find(task => task.id === 'mandate-full-evaluation');
      await evaluation!.fn(new AbortController().signal);

      let id = 0;
      const rpc = async (method: string, params: object) => {
        const response = await request(server)
          .post('/api/mcp-actions/v1')
          .set('Authorization', `Bearer ${mockCredentials.user.token()}`)
          .set('Accept', 'application/json, text/event-stream')
          .send({ jsonrpc: '2.0', id: ++id, method, params });
        expect(response.status).toBe(200);
        return rpcResult(response);
      };
      /** Calls a tool; returns its JSON output, or the error text when the tool failed. */
      const call = async (name: string, args: object) => {
        const result = await rpc('tools/call', { name, arguments: args });
        const text = result.content[0].text;
        return result.isError ? { error: text } : JSON.parse(text);
      };
      return { rpc, call, knex, server };
    }

    it('lists the Mandate actions', async () => {
      const { rpc } = await start({ mayWaive: true });
      const { tools } = await rpc('tools/list', {});
      const names = tools.map((tool: { name: string }) => tool.name).sort();
      expect(names).toEqual([
        'mandate.explain-rule',
        'mandate.get-scorecard',
        'mandate.list-campaigns',
        'mandate.list-team-failing-rules',
        'mandate.request-waiver',
      ]);
      const scorecard = tools.find(
        (tool: { name: string }) => tool.name === 'mandate.get-scorecard',
      );
      expect(scorecard.inputSchema.properties.entityRef.type).toBe('string');
      expect(scorecard.annotations).toMatchObject({ readOnlyHint: true });
    });

    it("answers a service's scorecard with its failing rules and their fixes", async () => {
      const { call } = await start({ mayWaive: true });
      const scorecard = await call('mandate.get-scorecard', {
        entityRef: 'orders',
      });
      expect(scorecard).toMatchObject({
        entityRef: ORDERS,
        owner: 'group:default/checkout-team',
        tier: 'critical',
        level: 'bronze',
      });
      expect(scorecard.score).toBeGreaterThan(0);
      expect(scorecard.score).toBeLessThan(100);
      const inversion = scorecard.failing.find(
        (r: { ruleId: string }) => r.ruleId === 'deps.no-tier-inversion',
      );
      expect(inversion).toMatchObject({ level: 'silver', status: 'fail' });
      expect(inversion.evidence.join(' ')).toContain('recommendations');
      expect(inversion.fix.text).toEqual(expect.any(String));
      // Only failing results are listed.
      for (const result of scorecard.failing)
        expect(['fail', 'error']).toContain(result.status);

      expect(
        await call('mandate.get-scorecard', { entityRef: 'nowhere' }),
      ).toEqual({ error: expect.stringMatching(/^NotFoundError: No report/) });
    });

    it("lists a team's failing rules, lower levels first, then by how many services fail", async () => {
      const { call } = await start({ mayWaive: true });
      const answer = await call('mandate.list-team-failing-rules', {
        team: 'checkout-team',
      });
      expect(answer.team).toBe('group:default/checkout-team');
      expect(answer.services).toBe(2);
      // Lower levels first, then more failing services first.
      const order = ['bronze', 'silver', 'gold'];
      type Ranked = { level: string; failingServices: number };
      const byImpact = [...answer.rules].sort(
        (a: Ranked, b: Ranked) =>
          order.indexOf(a.level) - order.indexOf(b.level) ||
          b.failingServices - a.failingServices,
      );
      expect(answer.rules).toEqual(byImpact);
      expect(new Set(answer.rules.map((r: Ranked) => r.level)).size).toBe(2);
      const inversion = answer.rules.find(
        (r: { ruleId: string }) => r.ruleId === 'deps.no-tier-inversion',
      );
      expect(inversion).toMatchObject({
        failingServices: 1,
        services: [ORDERS],
      });
    });

    it('lists the open campaigns with the progress GET /campaigns reports, narrowed to a team on request', async () => {
      const { call, knex, server } = await start({ mayWaive: true });
      const store = new CampaignStore(knex);
      const now = new Date();
      const silver = await store.create(
        {
          name: 'Critical and low at silver',
          goal: { kind: 'level', level: 'silver' },
          scope: { tiers: ['critical', 'low'] },
          deadline: '2099-12-31',
          owner: 'group:default/platform-team',
        },
        'user:default/alice',
        now,
      );
      const overdue = await store.create(
        {
          name: 'No tier inversions',
          goal: { kind: 'rule', ruleId: 'deps.no-tier-inversion' },
          scope: {},
          deadline: '2020-01-31',
          owner: 'group:default/platform-team',
          announces: {
            ruleId: 'deps.no-tier-inversion',
            enforcedFrom: '2020-02-01',
          },
        },
        'user:default/alice',
        now,
      );
      const archived = await store.create(
        {
          name: 'Gone',
          goal: { kind: 'level', level: 'gold' },
          scope: {},
          deadline: '2099-01-31',
          owner: 'group:default/platform-team',
        },
        'user:default/alice',
        now,
      );
      await store.archive(archived.id, now);

      const { campaigns } = await call('mandate.list-campaigns', {});
      // By deadline; the archived one is not listed.
      expect(campaigns.map((c: { id: string }) => c.id)).toEqual([
        overdue.id,
        silver.id,
      ]);
      expect(campaigns[1]).toEqual({
        id: silver.id,
        name: 'Critical and low at silver',
        goal: { kind: 'level', level: 'silver' },
        scope: { tiers: ['critical', 'low'] },
        deadline: '2099-12-31',
        owner: 'group:default/platform-team',
        // orders (critical) is bronze, recommendations (low) silver.
        progress: {
          total: 2,
          meeting: 1,
          teams: [
            {
              owner: 'group:default/checkout-team',
              total: 2,
              meeting: 1,
              late: false,
            },
          ],
          lateTeams: [],
        },
      });
      // orders still depends on a lower tier and the deadline has passed: the team is late.
      expect(campaigns[0]).toMatchObject({
        goal: { kind: 'rule', ruleId: 'deps.no-tier-inversion' },
        announces: {
          ruleId: 'deps.no-tier-inversion',
          enforcedFrom: '2020-02-01',
        },
        progress: {
          total: 2,
          meeting: 1,
          teams: [
            {
              owner: 'group:default/checkout-team',
              total: 2,
              meeting: 1,
              late: true,
            },
          ],
          lateTeams: ['group:default/checkout-team'],
        },
      });

      // The figures of GET /campaigns, less the burn-down and the bookkeeping fields.
      const rest = await request(server)
        .get('/api/mandate/campaigns')
        .set('Authorization', `Bearer ${mockCredentials.user.token()}`);
      expect(rest.status).toBe(200);
      expect(
        rest.body.items.map(
          ({ createdAt, createdBy, updatedAt, archivedAt, ...c }: any) => {
            const { burndown, ...progress } = c.progress;
            return { ...c, progress };
          },
        ),
      ).toEqual(campaigns);

      const checkout = await call('mandate.list-campaigns', {
        team: 'checkout-team',
      });
      expect(checkout).toEqual({ campaigns });
      // Another team: no rows of its own, the campaign's totals all the same.
      const other = await call('mandate.list-campaigns', {
        team: 'group:default/platform-team',
      });
      expect(
        other.campaigns.map((c: any) => [c.progress.total, c.progress.teams]),
      ).toEqual([
        [2, []],
        [2, []],
      ]);
    });

    it('explains a rule', async () => {
      const { call } = await start({ mayWaive: true });
      const rule = await call('mandate.explain-rule', {
        ruleId: 'ownership.two-pizza-team',
      });
      expect(rule).toMatchObject({
        id: 'ownership.two-pizza-team',
        level: 'bronze',
        tenet: expect.any(String),
        options: { maxMembers: 16 },
      });
      expect(rule.rationale.length).toBeGreaterThan(0);
      expect(rule.remediation.snippet.length).toBeGreaterThan(0);
      expect(await call('mandate.explain-rule', { ruleId: 'no.such' })).toEqual(
        { error: expect.stringMatching(/^NotFoundError/) },
      );
    });

    it('files a waiver request with the permission of POST /waivers, which does not count until approved', async () => {
      const { call, knex } = await start({ mayWaive: true });
      const expiresAt = new Date(Date.now() + 10 * DAY_MS).toISOString();
      const waiver = await call('mandate.request-waiver', {
        entityRef: 'orders',
        ruleId: 'deps.no-tier-inversion',
        reason: 'recommendations gets a tier next sprint',
        expiresAt,
      });
      expect(waiver).toMatchObject({
        entityRef: ORDERS,
        ruleId: 'deps.no-tier-inversion',
        state: 'requested',
        requestedBy: 'user:default/mock',
        expiresAt,
      });
      const stored = await knex('mandate_waivers').where('id', waiver.id);
      expect(stored).toHaveLength(1);
      const scorecard = await call('mandate.get-scorecard', {
        entityRef: 'orders',
      });
      // The caller may approve too (the mock allows it), yet an agent's request is only a request.
      expect(
        scorecard.failing.map((r: { ruleId: string }) => r.ruleId),
      ).toContain('deps.no-tier-inversion');

      // Past the longest waiver allowed: refused like the REST API refuses it.
      expect(
        await call('mandate.request-waiver', {
          entityRef: 'orders',
          ruleId: 'ops.key-metrics',
          reason: 'later',
          expiresAt: new Date(Date.now() + 60 * DAY_MS).toISOString(),
        }),
      ).toEqual({ error: expect.stringMatching(/^InputError/) });
    });

    it('refuses a waiver to a caller without mandate.waiver.create', async () => {
      const { call, knex } = await start({ mayWaive: false });
      const answer = await call('mandate.request-waiver', {
        entityRef: 'orders',
        ruleId: 'deps.no-tier-inversion',
        reason: 'recommendations gets a tier next sprint',
        expiresAt: new Date(Date.now() + 10 * DAY_MS).toISOString(),
      });
      expect(answer).toEqual({
        error: expect.stringMatching(
          /^NotAllowedError: .*mandate\.waiver\.create/,
        ),
      });
      expect(await knex('mandate_waivers')).toEqual([]);
    });
  },
);
