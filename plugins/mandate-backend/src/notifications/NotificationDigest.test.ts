import { TestDatabases, mockServices } from '@backstage/backend-test-utils';
import { resolvePackagePath } from '@backstage/backend-plugin-api';
import { NotificationSendOptions } from '@backstage/plugin-notifications-node';
import { EntityReport, Level } from '@mandate-dev/plugin-mandate-common';
import { LevelChangeStore } from '../store/LevelChangeStore';
import { ResultStore } from '../store/ResultStore';
import { WaiverStore } from '../store/WaiverStore';
import { DigestItemCollector } from './DigestItem';
import { DigestStore } from './DigestStore';
import { expiringWaiverCollector } from './expiringWaiverCollector';
import { levelDropCollector } from './levelDropCollector';
import { NotificationDigest } from './NotificationDigest';

jest.setTimeout(60_000);

const databases = TestDatabases.create({
  ids: ['SQLITE_3', 'POSTGRES_15'],
  disableDocker: true,
});
const migrations = {
  directory: resolvePackagePath(
    '@mandate-dev/plugin-mandate-backend',
    'migrations',
  ),
};

const TEAM_A = 'group:default/team-a';
const TEAM_B = 'group:default/team-b';
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
    async function setUp(extra: DigestItemCollector[] = []) {
      const knex = await databases.init(databaseId);
      await knex.migrate.latest(migrations);
      const results = new ResultStore(knex);
      const waivers = new WaiverStore(knex);
      const sent: NotificationSendOptions[] = [];
      const backend = { down: false };
      const digest = new NotificationDigest({
        collectors: [
          levelDropCollector(new LevelChangeStore(knex)),
          expiringWaiverCollector(waivers, results, 7),
          ...extra,
        ],
        store: new DigestStore(knex),
        notifications: {
          send: async n => {
            if (backend.down) throw new Error('notifications backend is down');
            sent.push(n);
          },
        },
        logger: mockServices.logger.mock(),
      });
      return { results, waivers, digest, sent, backend };
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
      const { digest, sent } = await setUp([deadline]);
      expect(await digest.run(new Date('2026-12-01T09:00:00.000Z'))).toBe(1);
      expect(sent[0]).toMatchObject({
        recipients: { entityRef: TEAM_B },
        payload: { severity: 'normal' },
      });
    });
  },
);
