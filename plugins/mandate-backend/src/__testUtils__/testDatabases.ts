import { resolvePackagePath } from '@backstage/backend-plugin-api';
import { TestDatabases } from '@backstage/backend-test-utils';

/**
 * The databases Mandate's backend tests run on: SQLite always, PostgreSQL 15 when
 * BACKSTAGE_TEST_DATABASE_POSTGRES15_CONNECTION_STRING names one (there is no Docker here).
 * Call once at the top of a test file: it registers the hooks that clean up.
 */
export function mandateTestDatabases(): TestDatabases {
  return TestDatabases.create({
    ids: ['SQLITE_3', 'POSTGRES_15'],
    disableDocker: true,
  });
}

/** The plugin's migrations, for `knex.migrate.latest(migrations)`. */
export const migrations = {
  directory: resolvePackagePath(
    '@mandate-dev/plugin-mandate-backend',
    'migrations',
  ),
};
