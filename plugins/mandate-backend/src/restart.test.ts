import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { randomUUID } from 'node:crypto';
import knexFactory, { Knex } from 'knex';
import request from 'supertest';
import { parse as parseYaml } from 'yaml';
import {
  mockCredentials,
  mockServices,
  startTestBackend,
} from '@backstage/backend-test-utils';
import { databaseServiceFactory } from '@backstage/backend-defaults/database';
import { catalogServiceMock } from '@backstage/plugin-catalog-node/testUtils';
import { JsonObject } from '@backstage/types';
import { mandatePlugin } from './plugin';
import { WaiverStore } from './store/WaiverStore';
import { fixtureCatalog } from './__testUtils__/fixtureCatalog';

jest.setTimeout(120_000);

const ORDERS = 'component:default/orders';
const user = () => `Bearer ${mockCredentials.user.token()}`;
const postgres =
  process.env.BACKSTAGE_TEST_DATABASE_POSTGRES15_CONNECTION_STRING;

/**
 * The database configurations a backend restarts on: the embedded default (SQLite files in a
 * directory, as app-config.yaml has it) and PostgreSQL when one is configured for tests.
 * Each gives the `backend.database` config and a knex on mandate's own database.
 */
interface PersistentDatabase {
  config: JsonObject;
  open(): Knex;
  remove(): Promise<void>;
}

const REPOSITORY = path.resolve(__dirname, '../../..');

/** `backend.database` of the repository's app-config.yaml: what `yarn start` runs on. */
function embeddedDefault() {
  const appConfig = parseYaml(
    fs.readFileSync(path.join(REPOSITORY, 'app-config.yaml'), 'utf8'),
  );
  return appConfig.backend.database;
}

describe('the embedded database of app-config.yaml', () => {
  it('is SQLite files in the git-ignored data/ directory', () => {
    const database = embeddedDefault();
    expect(database.client).toBe('better-sqlite3');
    // The backend runs in packages/backend.
    const directory = path.resolve(
      REPOSITORY,
      'packages/backend',
      database.connection.directory,
    );
    expect(directory).toBe(path.join(REPOSITORY, 'data'));
    const ignored = fs
      .readFileSync(path.join(REPOSITORY, '.gitignore'), 'utf8')
      .split('\n');
    expect(ignored).toContain('/data/');
  });
});

/** The embedded default, with its directory moved to a temporary one. */
function sqliteDirectory(): PersistentDatabase {
  const directory = fs.mkdtempSync(path.join(os.tmpdir(), 'mandate-restart-'));
  const embedded = embeddedDefault();
  return {
    config: { ...embedded, connection: { ...embedded.connection, directory } },
    open: () =>
      knexFactory({
        client: 'better-sqlite3',
        connection: { filename: path.join(directory, 'mandate.sqlite') },
        useNullAsDefault: true,
      }),
    remove: async () => fs.rmSync(directory, { recursive: true, force: true }),
  };
}

function postgresDatabase(connection: string): PersistentDatabase {
  const prefix = `mandate_restart_${randomUUID().slice(0, 8)}_`;
  const database = `${prefix}mandate`;
  return {
    config: { client: 'pg', connection, prefix },
    open: () =>
      knexFactory({
        client: 'pg',
        connection: `${connection.replace(/\/$/, '')}/${database}`,
      }),
    remove: async () => {
      const admin = knexFactory({ client: 'pg', connection });
      // FORCE: a stopped backend may still hold idle pool connections.
      await admin.raw('DROP DATABASE IF EXISTS ?? WITH (FORCE)', [database]);
      await admin.destroy();
    },
  };
}

const cases: [string, () => PersistentDatabase][] = [
  ['the embedded SQLite files', sqliteDirectory],
];
if (postgres) cases.push(['PostgreSQL', () => postgresDatabase(postgres)]);

describe.each(cases)(
  'a mandate backend restarted on %s',
  (_name, makeDatabase) => {
    let database: PersistentDatabase;
    beforeEach(() => {
      database = makeDatabase();
    });
    afterEach(async () => {
      await database.remove();
    });

    const start = () =>
      startTestBackend({
        features: [
          mandatePlugin,
          databaseServiceFactory,
          catalogServiceMock.factory({ entities: fixtureCatalog }),
          mockServices.scheduler.factory(),
          mockServices.rootConfig.factory({
            data: { backend: { database: database.config } },
          }),
        ],
      });

    it('finds the waivers, their audit trail and the history it stored', async () => {
      const first = await start();
      const api = (backend: typeof first) => ({
        get: (url: string) =>
          request(backend.server)
            .get(`/api/mandate${url}`)
            .set('Authorization', user()),
        post: (url: string, body: object) =>
          request(backend.server)
            .post(`/api/mandate${url}`)
            .set('Authorization', user())
            .send(body),
      });
      expect((await api(first).post('/evaluate', {})).status).toBe(202);
      const waiver = await api(first).post('/waivers', {
        entityRef: ORDERS,
        ruleId: 'deps.no-tier-inversion',
        reason: 'migrating off recommendations',
        expiresAt: new Date(Date.now() + 7 * 86_400_000).toISOString(),
      });
      expect(waiver.status).toBe(201);
      const before = await api(first).get(
        `/entities/${encodeURIComponent(ORDERS)}`,
      );
      const historyBefore = await api(first).get(
        `/history?entityRef=${encodeURIComponent(ORDERS)}`,
      );
      expect(historyBefore.body.points).toHaveLength(1);
      await first.stop();

      const second = await start();
      // Nothing evaluates on this start (the mock scheduler runs no task by itself): what is
      // served was stored by the first backend.
      const after = await api(second).get(
        `/entities/${encodeURIComponent(ORDERS)}`,
      );
      expect(after.status).toBe(200);
      expect(after.body).toEqual(before.body);
      expect(after.body.waivers.map((w: { id: string }) => w.id)).toEqual([
        waiver.body.id,
      ]);
      const waivers = await api(second).get(
        `/waivers?entityRef=${encodeURIComponent(ORDERS)}`,
      );
      expect(waivers.body.items).toEqual([waiver.body]);
      const historyAfter = await api(second).get(
        `/history?entityRef=${encodeURIComponent(ORDERS)}`,
      );
      expect(historyAfter.body).toEqual(historyBefore.body);
      await second.stop();

      const knex = database.open();
      try {
        const audit = await new WaiverStore(knex).audit(waiver.body.id);
        expect(audit.map(entry => [entry.action, entry.actor])).toEqual([
          ['create', 'user:default/mock'],
        ]);
      } finally {
        await knex.destroy();
      }
    });
  },
);
