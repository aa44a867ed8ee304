import request from 'supertest';
import {
  mockCredentials,
  mockServices,
  startTestBackend,
  TestDatabases,
} from '@backstage/backend-test-utils';
import { schedulerServiceFactory } from '@backstage/backend-defaults/scheduler';
import { catalogServiceMock } from '@backstage/plugin-catalog-node/testUtils';
import { mandatePlugin } from './plugin';
import { fixtureCatalog } from './__testUtils__/fixtureCatalog';

jest.setTimeout(120_000);

/** Several replicas share one database only in production, i.e. on PostgreSQL. */
const databases = TestDatabases.create({
  ids: ['POSTGRES_15'],
  disableDocker: true,
});

describe.each(databases.eachSupportedId())(
  'two mandate replicas on %p',
  databaseId => {
    it('never run the scheduled evaluation twice at once and agree on the results', async () => {
      const knex = await databases.init(databaseId);

      // Every full evaluation reads the whole catalog once (without `fields`); the read is slowed
      // down so that overlapping evaluations would be caught.
      let running = 0;
      let maxRunning = 0;
      let evaluations = 0;
      const catalog = catalogServiceMock({ entities: fixtureCatalog });
      const getEntities = catalog.getEntities.bind(catalog);
      const slowCatalog = catalogServiceMock.mock({
        getEntities: async (req, options) => {
          if (req?.fields) return getEntities(req, options);
          running++;
          evaluations++;
          maxRunning = Math.max(maxRunning, running);
          await new Promise(resolve => setTimeout(resolve, 1500));
          running--;
          return getEntities(req, options);
        },
      });

      const replica = () =>
        startTestBackend({
          features: [
            mandatePlugin,
            slowCatalog.factory,
            schedulerServiceFactory,
            mockServices.database.factory({ knex }),
            mockServices.rootConfig.factory({
              data: {
                mandate: {
                  schedule: {
                    frequency: { seconds: 2 },
                    timeout: { seconds: 30 },
                    initialDelay: { seconds: 1 },
                  },
                  changeDetection: { frequency: { hours: 1 } },
                },
              },
            }),
          ],
        });
      // One after the other, as in a rolling deployment (the first one runs the migrations).
      const a = await replica();
      const b = await replica();

      await new Promise(resolve => setTimeout(resolve, 20_000));
      expect(evaluations).toBeGreaterThanOrEqual(2);
      expect(maxRunning).toBe(1);

      const token = `Bearer ${mockCredentials.user.token()}`;
      const ref = encodeURIComponent('component:default/orders');
      const [fromA, fromB] = await Promise.all(
        [a, b].map(backend =>
          request(backend.server)
            .get(`/api/mandate/entities/${ref}`)
            .set('Authorization', token),
        ),
      );
      expect(fromA.status).toBe(200);
      expect(fromB.body).toEqual(fromA.body);

      await Promise.all([a.stop(), b.stop()]);
    });
  },
);
