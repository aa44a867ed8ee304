import request from 'supertest';
import {
  mockCredentials,
  mockServices,
  startTestBackend,
} from '@backstage/backend-test-utils';
import { createBackendModule } from '@backstage/backend-plugin-api';
import { catalogServiceMock } from '@backstage/plugin-catalog-node/testUtils';
import {
  MandateHistorySeeder,
  mandateHistoryExtensionPoint,
} from '@mandate-dev/plugin-mandate-node';
import { mandatePlugin } from './plugin';
import { fixtureCatalog } from './__testUtils__/fixtureCatalog';
import { mandateTestDatabases } from './__testUtils__/testDatabases';

jest.setTimeout(60_000);

const databases = mandateTestDatabases();
const DAY_MS = 86_400_000;
const user = () => `Bearer ${mockCredentials.user.token()}`;
const daysAgo = (n: number) =>
  new Date(Date.now() - n * DAY_MS).toISOString().slice(0, 10);

describe.each(databases.eachSupportedId())(
  'mandate backend history seeding and dashboard figures on %p',
  databaseId => {
    it('seeds the past of an empty history after the first full evaluation; /summary reads it', async () => {
      const knex = await databases.init(databaseId);
      // 30 days ago every service scored 10 less; the invalid points are dropped.
      const seeder = jest.fn<
        ReturnType<MandateHistorySeeder>,
        Parameters<MandateHistorySeeder>
      >(({ services, today }) =>
        services.flatMap(service => [
          {
            entityRef: service.entityRef,
            day: daysAgo(30),
            score: Math.max(0, service.score - 10),
            level: 'none' as const,
          },
          // Today is the real evaluation's, never the seeder's.
          { entityRef: service.entityRef, day: today, score: 0, level: 'none' },
          {
            entityRef: service.entityRef,
            day: daysAgo(3),
            score: 101,
            level: 'gold',
          },
          {
            entityRef: 'component:default/not-in-catalog',
            day: daysAgo(3),
            score: 50,
            level: 'gold',
          },
        ]),
      );
      const seederModule = createBackendModule({
        pluginId: 'mandate',
        moduleId: 'test-history-seeder',
        register(env) {
          env.registerInit({
            deps: { history: mandateHistoryExtensionPoint },
            async init({ history }) {
              history.setHistorySeeder(seeder);
            },
          });
        },
      });
      const { server } = await startTestBackend({
        features: [
          mandatePlugin,
          seederModule,
          catalogServiceMock.factory({ entities: fixtureCatalog }),
          mockServices.database.factory({ knex }),
          // Runs the full evaluation (which has an initial delay) on startup.
          mockServices.scheduler.factory({
            includeInitialDelayedTasksOnStartup: true,
          }),
          mockServices.rootConfig.factory({
            data: { mandate: { requiredLevels: { critical: 'bronze' } } },
          }),
        ],
      });
      const get = (url: string) =>
        request(server).get(`/api/mandate${url}`).set('Authorization', user());

      let history = await get('/history');
      for (let i = 0; i < 100 && history.body.points.length < 2; i++) {
        await new Promise(resolve => setTimeout(resolve, 100));
        history = await get('/history');
      }
      expect(seeder).toHaveBeenCalledTimes(1);
      const { services, today } = seeder.mock.calls[0][0];
      expect(today).toBe(daysAgo(0));
      expect(history.body.points.map((p: { day: string }) => p.day)).toEqual([
        daysAgo(30),
        today,
      ]);

      const summary = await get('/summary');
      expect(summary.status).toBe(200);
      const seededScore = (ref: string) =>
        Math.max(0, services.find(s => s.entityRef === ref)!.score - 10);
      for (const team of summary.body.teams) {
        const mine = services.filter(s => (s.owner ?? 'none') === team.owner);
        const before =
          mine.reduce((sum, s) => sum + seededScore(s.entityRef), 0) /
          mine.length;
        expect(team.change30d).toBeCloseTo(team.score - before, 1);
        // One point every 3 days: 30 days ago is the 11th from the end, today the last.
        expect(team.trend).toHaveLength(30);
        expect(team.trend[29]).toBe(team.score);
        expect(team.trend[19]).toBeCloseTo(before, 1);
        expect(team.trend[18]).toBeNull();
      }
      expect(summary.body.trendDays[19]).toBe(daysAgo(30));
      const critical = summary.body.tiers.find(
        (t: { tier: string }) => t.tier === 'critical',
      );
      expect(critical.requiredLevel).toBe('bronze');
      expect(critical.atRequiredLevel).toBe(
        services.filter(s => s.tier === 'critical' && s.level !== 'none')
          .length,
      );
    });
  },
);
