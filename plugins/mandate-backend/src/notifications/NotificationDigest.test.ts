import { mockServices } from '@backstage/backend-test-utils';
import { NotificationSendOptions } from '@backstage/plugin-notifications-node';
import { EntityReport, Level } from '@mandate-dev/plugin-mandate-common';
import { CampaignStore } from '../campaigns/CampaignStore';
import { LevelChangeStore } from '../store/LevelChangeStore';
import { ResultStore } from '../store/ResultStore';
import { WaiverStore } from '../store/WaiverStore';
import { campaignDeadlineCollector } from './campaignDeadlineCollector';
import { DigestItemCollector } from './DigestItem';
import { DigestStore } from './DigestStore';
import { expiringWaiverCollector } from './expiringWaiverCollector';
import { levelDropCollector } from './levelDropCollector';
import { NotificationDigest } from './NotificationDigest';
import {
  mandateTestDatabases,
  migrations,
} from '../__testUtils__/testDatabases';

jest.setTimeout(60_000);

const databases = mandateTestDatabases();

const TEAM_A = 'group:default/team-a';
const TEAM_B = 'group:default/team-b';
const TEAM_C = 'group:default/team-c';
const DAY_MS = 24 * 60 * 60 * 1000;

function stored(entityRef: string, owner: string, level: Level, at: string) {
  const report: EntityReport = {
    entityRef,
    owner,
    tier: 'high',
    level,
    score: 50,
    results: [],
  };
  return {
    report,
    rawResults: [],
    system: null,
    lifecycle: 'production',
    evaluatedAt: at,
  };
}

describe.each(databases.eachSupportedId())(
  'NotificationDigest on %p',
  databaseId => {
    async function setUp(
      extra: (
        results: ResultStore,
        campaigns: CampaignStore,
      ) => DigestItemCollector[] = () => [],
    ) {
      const knex = await databases.init(databaseId);
      await knex.migrate.latest(migrations);
      const results = new ResultStore(knex);
      const campaigns = new CampaignStore(knex);
      const waivers = new WaiverStore(knex);
      const sent: NotificationSendOptions[] = [];
      const backend: { down: boolean; beforeSend?: () => Promise<unknown> } = {
        down: false,
      };
      const digest = new NotificationDigest({
        collectors: [
          levelDropCollector(new LevelChangeStore(knex)),
          expiringWaiverCollector(waivers, results, 7),
          ...extra(results, campaigns),
        ],
        store: new DigestStore(knex),
        notifications: {
          send: async n => {
            if (backend.down) throw new Error('notifications backend is down');
            await backend.beforeSend?.();
            sent.push(n);
          },
        },
        logger: mockServices.logger.mock(),
      });
      return { knex, results, waivers, campaigns, digest, sent, backend };
    }

    it("sends each team one digest a day with its drops and expiring waivers; later news waits for the next day's", async () => {
      const { results, waivers, digest, sent } = await setUp();
      const day1 = new Date('2026-12-01T09:00:00.000Z');
      await results.write(
        [
          stored(
            'component:default/a',
            TEAM_A,
            'silver',
            '2026-12-01T08:00:00.000Z',
          ),
          stored(
            'component:default/b',
            TEAM_B,
            'gold',
            '2026-12-01T08:00:00.000Z',
          ),
        ],
        'all',
      );
      // a drops, b rises: only the drop is news.
      await results.write(
        [
          stored(
            'component:default/a',
            TEAM_A,
            'bronze',
            '2026-12-01T08:30:00.000Z',
          ),
          stored(
            'component:default/b',
            TEAM_B,
            'gold',
            '2026-12-01T08:30:00.000Z',
          ),
        ],
        'all',
      );
      await waivers.create(
        {
          entityRef: 'component:default/a',
          ruleId: 'ops.runbook',
          reason: 'soon',
          expiresAt: new Date(day1.getTime() + 5 * DAY_MS).toISOString(),
        },
        'user:default/alice',
        day1,
      );
      await waivers.create(
        {
          entityRef: 'component:default/b',
          ruleId: 'ops.runbook',
          reason: 'later',
          expiresAt: new Date(day1.getTime() + 20 * DAY_MS).toISOString(),
        },
        'user:default/alice',
        day1,
      );

      expect(await digest.run(day1)).toBe(1);
      expect(sent).toHaveLength(1);
      expect(sent[0].recipients).toEqual({ type: 'entity', entityRef: TEAM_A });
      expect(sent[0].payload.description).toBe(
        [
          '- a dropped from silver to bronze',
          '- the waiver of ops.runbook for a expires on 2026-12-06',
        ].join('\n'),
      );
      expect(sent[0].payload.scope).toBe('mandate-digest:2026-12-01');

      // Another drop later that day waits; the next day it comes alone.
      await results.write(
        [
          stored(
            'component:default/a',
            TEAM_A,
            'none',
            '2026-12-01T15:00:00.000Z',
          ),
        ],
        { evaluatedRefs: ['component:default/a'] },
      );
      expect(await digest.run(new Date('2026-12-01T16:00:00.000Z'))).toBe(0);
      expect(await digest.run(new Date('2026-12-02T09:00:00.000Z'))).toBe(1);
      expect(sent[1].payload.description).toBe(
        '- a dropped from bronze to none',
      );
      expect(sent[1].payload.title).toBe('Mandate: 1 update for team-a');
      // Nothing new: no digest at all.
      expect(await digest.run(new Date('2026-12-03T09:00:00.000Z'))).toBe(0);
      expect(sent).toHaveLength(2);
    });

    it('sends nothing and records nothing when sending fails, so the next run retries', async () => {
      const { results, digest, sent, backend } = await setUp();
      await results.write(
        [
          stored(
            'component:default/a',
            TEAM_A,
            'gold',
            '2026-12-01T08:00:00.000Z',
          ),
        ],
        'all',
      );
      await results.write(
        [
          stored(
            'component:default/a',
            TEAM_A,
            'silver',
            '2026-12-01T08:10:00.000Z',
          ),
        ],
        'all',
      );
      const now = new Date('2026-12-01T09:00:00.000Z');
      backend.down = true;
      expect(await digest.run(now)).toBe(0);
      expect(sent).toEqual([]);
      backend.down = false;
      expect(await digest.run(now)).toBe(1);
      expect(sent).toHaveLength(1);
    });

    it('sends outside its transaction: a send that reads this database (its keys) does not wait on itself', async () => {
      const { knex, results, digest, sent, backend } = await setUp();
      for (const [level, at] of [
        ['gold', '2026-12-01T08:00:00.000Z'],
        ['silver', '2026-12-01T08:10:00.000Z'],
      ] as const) {
        await results.write(
          [stored('component:default/a', TEAM_A, level, at)],
          'all',
        );
      }
      // As the receiving backend does when it checks the token against this plugin's keys.
      // On SQLite's single connection, inside the transaction this waited for the pool's 60 s.
      backend.beforeSend = () =>
        knex('mandate_digests').count({ count: '*' }).timeout(5_000);
      expect(await digest.run(new Date('2026-12-01T09:00:00.000Z'))).toBe(1);
      expect(sent).toHaveLength(1);
    });

    it('takes one more kind of item through one more collector', async () => {
      const deadline: DigestItemCollector = {
        kind: 'campaign-deadline',
        collect: async () => [
          {
            kind: 'campaign-deadline',
            key: 'campaign-deadline:c1',
            recipient: TEAM_B,
            text: 'campaign "Runbooks" ends in 3 days; 2 items are open',
          },
        ],
      };
      const { digest, sent } = await setUp(() => [deadline]);
      expect(await digest.run(new Date('2026-12-01T09:00:00.000Z'))).toBe(1);
      expect(sent[0]).toMatchObject({
        recipients: { entityRef: TEAM_B },
        payload: { severity: 'normal' },
      });
    });

    it('tells each team with services still open that a campaign deadline is near, once', async () => {
      const { results, campaigns, digest, sent } = await setUp((r, c) => [
        campaignDeadlineCollector(c, r, 14),
      ]);
      const at = '2026-12-01T08:00:00.000Z';
      await results.write(
        [
          stored('component:default/a1', TEAM_A, 'silver', at),
          stored('component:default/a2', TEAM_A, 'gold', at),
          stored('component:default/a3', TEAM_A, 'bronze', at),
          stored('component:default/b', TEAM_B, 'gold', at),
          stored('component:default/c', TEAM_C, 'bronze', at),
        ],
        'all',
      );
      const day1 = new Date('2026-12-01T09:00:00.000Z');
      const campaign = (name: string, deadline: string, owners?: string[]) =>
        campaigns.create(
          {
            name,
            goal: { kind: 'level', level: 'gold' },
            scope: owners ? { owners } : {},
            deadline,
            owner: 'group:default/platform',
          },
          'user:default/alice',
          day1,
        );
      // Due on the last day of the window; team-b has everything done.
      await campaign('All gold', '2026-12-15', [TEAM_A, TEAM_B]);
      // One day too far ahead, already past, or archived: not near.
      await campaign('Later', '2026-12-16');
      await campaign('Over', '2026-11-30');
      const archived = await campaign('Archived', '2026-12-05');
      await campaigns.archive(archived.id, day1);

      expect(await digest.run(day1)).toBe(1);
      expect(sent.map(n => n.recipients)).toEqual([
        { type: 'entity', entityRef: TEAM_A },
      ]);
      expect(sent[0].payload).toMatchObject({
        title: 'Mandate: 1 update for team-a',
        description:
          '- campaign "All gold" ends on 2026-12-15: 2 of 3 services still open',
        severity: 'normal',
      });

      // The next day Later comes into the window: team-a hears of it alone (All gold, still
      // open, is not told twice) and team-c (one service, not in All gold) too.
      expect(await digest.run(new Date('2026-12-02T09:00:00.000Z'))).toBe(2);
      expect(
        sent
          .slice(1)
          .map(n => [
            (n.recipients as { entityRef: string }).entityRef,
            n.payload.description,
          ]),
      ).toEqual([
        [
          TEAM_A,
          '- campaign "Later" ends on 2026-12-16: 2 of 3 services still open',
        ],
        [
          TEAM_C,
          '- campaign "Later" ends on 2026-12-16: 1 of 1 service still open',
        ],
      ]);
      // Nothing new afterwards, though both campaigns are still open.
      expect(await digest.run(new Date('2026-12-03T09:00:00.000Z'))).toBe(0);
      expect(await digest.run(new Date('2026-12-04T09:00:00.000Z'))).toBe(0);
      expect(sent).toHaveLength(3);
    });
  },
);
