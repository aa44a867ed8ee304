import request from 'supertest';
import {
  mockCredentials,
  mockServices,
  startTestBackend,
} from '@backstage/backend-test-utils';
import { catalogServiceMock } from '@backstage/plugin-catalog-node/testUtils';
import { SchedulerServiceTaskInvocationDefinition } from '@backstage/backend-plugin-api';
import { AuthorizeResult } from '@backstage/plugin-permission-common';
import { mandatePlugin } from './plugin';
import { fixtureCatalog } from './__testUtils__/fixtureCatalog';
import { mandateTestDatabases } from './__testUtils__/testDatabases';

jest.setTimeout(60_000);

const databases = mandateTestDatabases();

const RECOMMENDATIONS = 'component:default/recommendations';
const user = () => `Bearer ${mockCredentials.user.token()}`;

/** Only Date is faked: the fixed clock of the test, which the backend reads as "now". */
type FakeTimersConfig = Exclude<
  Parameters<typeof jest.useFakeTimers>[0],
  undefined | { legacyFakeTimers: true }
>;
const timers: FakeTimersConfig = {
  doNotFake: [
    'hrtime',
    'nextTick',
    'performance',
    'queueMicrotask',
    'requestAnimationFrame',
    'cancelAnimationFrame',
    'requestIdleCallback',
    'cancelIdleCallback',
    'setImmediate',
    'clearImmediate',
    'setInterval',
    'clearInterval',
    'setTimeout',
    'clearTimeout',
  ],
};

const campaign = {
  name: 'Critical and high at silver',
  goal: { kind: 'level', level: 'silver' },
  scope: { tiers: ['critical', 'high', 'low'] },
  deadline: '2027-01-31',
  owner: 'platform-team',
};

describe.each(databases.eachSupportedId())('campaigns on %p', databaseId => {
  afterEach(() => jest.useRealTimers());

  async function start(
    permission:
      | AuthorizeResult.ALLOW
      | AuthorizeResult.DENY = AuthorizeResult.ALLOW,
    config: object = {},
  ) {
    const knex = await databases.init(databaseId);
    // The scheduler runs a task only when asked (POST /evaluate asks for the job task).
    const tasks = new Map<string, SchedulerServiceTaskInvocationDefinition>();
    const scheduler = mockServices.scheduler.mock({
      scheduleTask: async task => {
        tasks.set(task.id, task);
      },
      triggerTask: async id => {
        await tasks.get(id)!.fn(new AbortController().signal);
      },
    });
    const { server } = await startTestBackend({
      features: [
        mandatePlugin,
        catalogServiceMock.factory({ entities: fixtureCatalog }),
        mockServices.database.factory({ knex }),
        scheduler.factory,
        mockServices.httpAuth.factory({
          defaultCredentials: mockCredentials.none(),
        }),
        mockServices.permissions.factory({ result: permission }),
        mockServices.rootConfig.factory({ data: config }),
      ],
    });
    const run = (id: string) => tasks.get(id)!.fn(new AbortController().signal);
    const evaluate = async () => {
      const queued = await request(server)
        .post('/api/mandate/evaluate')
        .set('Authorization', user())
        .send({});
      expect(queued.status).toBe(202);
    };
    return { server, run, evaluate, knex };
  }

  const entity = async (server: any) =>
    (
      await request(server)
        .get(`/api/mandate/entities/${encodeURIComponent(RECOMMENDATIONS)}`)
        .set('Authorization', user())
    ).body;
  const stored = async (server: any) =>
    (
      await request(server)
        .get('/api/mandate/report?owner=checkout-team')
        .set('Authorization', user())
    ).body.items.find((item: any) => item.entityRef === RECOMMENDATIONS);

  it('creates a campaign and reports its progress per team', async () => {
    jest.useFakeTimers({ ...timers, now: new Date('2027-01-10T09:00:00Z') });
    const { server, evaluate } = await start();
    await evaluate();
    const created = await request(server)
      .post('/api/mandate/campaigns')
      .set('Authorization', user())
      .send(campaign);
    expect(created.status).toBe(201);
    expect(created.body).toMatchObject({
      name: 'Critical and high at silver',
      owner: 'group:default/platform-team',
      createdBy: 'user:default/mock',
      archivedAt: null,
      progress: {
        // orders (critical) is bronze, recommendations (low) silver.
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
        burndown: [{ day: '2027-01-10', remaining: 1, total: 2 }],
      },
    });

    const list = await request(server)
      .get('/api/mandate/campaigns')
      .set('Authorization', user());
    expect(list.body.items.map((c: any) => c.id)).toEqual([created.body.id]);

    // After the deadline, the team with a service below the goal is late.
    jest.setSystemTime(new Date('2027-02-01T09:00:00Z'));
    const late = await request(server)
      .get(`/api/mandate/campaigns/${created.body.id}`)
      .set('Authorization', user());
    expect(late.body.progress.lateTeams).toEqual([
      'group:default/checkout-team',
    ]);
    expect(late.body.progress.teams[0].late).toBe(true);

    // Edited: only critical services; then archived, it disappears.
    const edited = await request(server)
      .put(`/api/mandate/campaigns/${created.body.id}`)
      .set('Authorization', user())
      .send({ ...campaign, scope: { tiers: ['critical'] } });
    expect(edited.status).toBe(200);
    expect(edited.body.progress).toMatchObject({ total: 1, meeting: 0 });
    const archived = await request(server)
      .delete(`/api/mandate/campaigns/${created.body.id}`)
      .set('Authorization', user());
    expect(archived.status).toBe(204);
    expect(
      (
        await request(server)
          .get('/api/mandate/campaigns')
          .set('Authorization', user())
      ).body.items,
    ).toEqual([]);
    expect(
      (
        await request(server)
          .get(`/api/mandate/campaigns/${created.body.id}`)
          .set('Authorization', user())
      ).status,
    ).toBe(404);
  });

  it('counts an announced rule from its enforcement day on, without a catalog change', async () => {
    jest.useFakeTimers({ ...timers, now: new Date('2027-01-14T23:30:00Z') });
    const { server, run, evaluate } = await start();
    await evaluate();
    // recommendations fails only api.error-schema (gold): silver.
    expect(await stored(server)).toMatchObject({ level: 'silver', score: 96 });

    const created = await request(server)
      .post('/api/mandate/campaigns')
      .set('Authorization', user())
      .send({
        ...campaign,
        announces: { ruleId: 'api.error-schema', enforcedFrom: '2027-01-15' },
      });
    expect(created.status).toBe(201);
    // Upcoming: the status stays, marked; neither score nor level counts it.
    expect(await stored(server)).toMatchObject({ level: 'gold', score: 100 });
    const before = await entity(server);
    expect(before).toMatchObject({ level: 'gold', score: 100 });
    expect(
      before.results.find((r: any) => r.ruleId === 'api.error-schema'),
    ).toMatchObject({
      status: 'fail',
      upcoming: { enforcedFrom: '2027-01-15' },
    });
    // A fresh evaluation keeps it upcoming.
    await evaluate();
    expect(await stored(server)).toMatchObject({ level: 'gold' });

    // The day comes: the scheduled check rescores the stored figures.
    jest.setSystemTime(new Date('2027-01-15T00:00:30Z'));
    await run('mandate-enforcement-days');
    expect(await stored(server)).toMatchObject({ level: 'silver', score: 96 });
    const after = await entity(server);
    expect(
      after.results.find((r: any) => r.ruleId === 'api.error-schema'),
    ).not.toHaveProperty('upcoming');
  });

  it('refuses changes without mandate.campaign.manage but lets signed-in users read', async () => {
    const { server } = await start(AuthorizeResult.DENY);
    const created = await request(server)
      .post('/api/mandate/campaigns')
      .set('Authorization', user())
      .send(campaign);
    expect(created.status).toBe(403);
    expect(
      (
        await request(server)
          .put('/api/mandate/campaigns/nope')
          .set('Authorization', user())
          .send(campaign)
      ).status,
    ).toBe(403);
    const list = await request(server)
      .get('/api/mandate/campaigns')
      .set('Authorization', user());
    expect(list.status).toBe(200);
    expect((await request(server).get('/api/mandate/campaigns')).status).toBe(
      401,
    );
  });

  it('refuses requests that are not a campaign', async () => {
    const { server } = await start();
    const post = (body: object) =>
      request(server)
        .post('/api/mandate/campaigns')
        .set('Authorization', user())
        .send(body);
    expect((await post({ ...campaign, deadline: '2027-02-30' })).status).toBe(
      400,
    );
    expect(
      (await post({ ...campaign, goal: { kind: 'rule', ruleId: 'no.such' } }))
        .status,
    ).toBe(400);
    expect(
      (await post({ ...campaign, goal: { kind: 'level', level: 'platinum' } }))
        .status,
    ).toBe(400);
    expect(
      (
        await post({
          ...campaign,
          announces: { ruleId: 'ops.runbook', enforcedFrom: 'soon' },
        })
      ).status,
    ).toBe(400);
    // Names are unique: a second campaign of a name gets 409.
    const firstOfName = await post(campaign);
    expect(firstOfName.status).toBe(201);
    expect((await post({ ...campaign, deadline: '2027-03-01' })).status).toBe(
      409,
    );
    expect(
      (
        await request(server)
          .put('/api/mandate/campaigns/nope')
          .set('Authorization', user())
          .send(campaign)
      ).status,
    ).toBe(404);
  });

  it('seeds the campaigns of mandate.campaigns.seed once, skipping invalid ones', async () => {
    const config = {
      mandate: {
        campaigns: {
          seed: [
            { ...campaign, scope: { tiers: ['critical', 'high'] } },
            { ...campaign, name: 'Broken', deadline: 'tomorrow' },
          ],
        },
      },
    };
    const { server, knex } = await start(AuthorizeResult.ALLOW, config);
    const list = await request(server)
      .get('/api/mandate/campaigns')
      .set('Authorization', user());
    expect(list.body.items).toEqual([
      expect.objectContaining({
        name: 'Critical and high at silver',
        createdBy: 'mandate:config',
        scope: { tiers: ['critical', 'high'] },
      }),
    ]);
    // Archived, a seed is not created again on the next start.
    await request(server)
      .delete(`/api/mandate/campaigns/${list.body.items[0].id}`)
      .set('Authorization', user());
    const again = await startTestBackend({
      features: [
        mandatePlugin,
        catalogServiceMock.factory({ entities: fixtureCatalog }),
        mockServices.database.factory({ knex }),
        mockServices.scheduler.mock().factory,
        mockServices.rootConfig.factory({ data: config }),
      ],
    });
    expect(
      (
        await request(again.server)
          .get('/api/mandate/campaigns')
          .set('Authorization', user())
      ).body.items,
    ).toEqual([]);
    const [{ n }] = await knex('mandate_campaigns').count({ n: '*' });
    expect(Number(n)).toBe(1);
  });
});
