/*
 * A mandate backend in a child process, for the crash test (crashDuringWrite.test.ts): the
 * plugin with a mock catalog of synthetic services, on the database the parent names.
 * Run with Backstage's node transform:
 *   node -r @backstage/cli/config/nodeTransform.cjs crashableBackend.ts
 * Environment:
 * - MANDATE_CRASH_DATABASE: JSON knex config of the database (a SQLite file or PostgreSQL);
 * - MANDATE_CRASH_SERVICES: how many synthetic services the catalog holds;
 * - MANDATE_CRASH_FREEZE_AFTER_WRITES (optional): after that many stored evaluations, the next
 *   one freezes the process in the middle of its write (while the rows of the services are
 *   being inserted) and says so on stdout, so that the parent kills it at exactly that point.
 * Prints `MANDATE_CRASH listening <port>` once it serves /api/mandate.
 */
import fs from 'node:fs';
import { AddressInfo } from 'node:net';
import knexFactory, { Knex } from 'knex';
import {
  mockCredentials,
  mockServices,
  startTestBackend,
} from '@backstage/backend-test-utils';
import { catalogServiceMock } from '@backstage/plugin-catalog-node/testUtils';
// The crash test reuses the engine benchmark's catalog generator (same seed as the backend bench).
// eslint-disable-next-line @backstage/no-forbidden-package-imports
import { generateSyntheticCatalog } from '@mandate-dev/plugin-mandate-node/bench/generateSyntheticCatalog';
import { mandatePlugin } from '../../plugin';

/**
 * The entity chunks of the frozen write inserted before the freeze (of 50 at 10,000 services):
 * every write inserts every service's row, while rule rows are only written where statuses
 * changed (none when the catalog did not change).
 */
const FREEZE_AT_ENTITY_CHUNK = 25;

function say(line: string) {
  // Synchronous: the parent must read it even if the process freezes right after.
  fs.writeSync(1, `MANDATE_CRASH ${line}\n`);
}

/** Counts the stored evaluations and freezes the process in the middle of the one after `after`. */
function freezeDuringWrite(knex: Knex, after: number) {
  let startedWrites = 0;
  let entityChunks = 0;
  knex.on('query', (query: { sql: string }) => {
    const table = /^insert into [`"](\w+)[`"]/i.exec(query.sql)?.[1];
    // The version bump is the first statement of every write (it takes the results lock).
    if (table === 'mandate_meta') {
      startedWrites++;
      entityChunks = 0;
    }
    if (table !== 'mandate_entities' || startedWrites <= after) return;
    if (++entityChunks === FREEZE_AT_ENTITY_CHUNK) {
      say('frozen while storing an evaluation');
      // Block the event loop, transaction open, until the parent's SIGKILL arrives.
      Atomics.wait(new Int32Array(new SharedArrayBuffer(4)), 0, 0, 120_000);
      say('was not killed');
      process.exit(3);
    }
  });
}

async function main() {
  const database = JSON.parse(process.env.MANDATE_CRASH_DATABASE!);
  const services = Number(process.env.MANDATE_CRASH_SERVICES);
  const knex = knexFactory(database);
  const freezeAfter = process.env.MANDATE_CRASH_FREEZE_AFTER_WRITES;
  if (freezeAfter) freezeDuringWrite(knex, Number(freezeAfter));

  const entities = generateSyntheticCatalog({ services, seed: 7 }).map(
    input => input.entity,
  );
  const backend = await startTestBackend({
    features: [
      mandatePlugin,
      catalogServiceMock.factory({ entities }),
      mockServices.database.factory({ knex }),
      // Tasks run only when triggered: POST /evaluate runs its job before it answers.
      mockServices.scheduler.factory(),
      mockServices.httpAuth.factory({
        defaultCredentials: mockCredentials.user(),
      }),
      mockServices.rootConfig.factory({
        // The job of the killed process must not answer for the next request of the parent.
        data: { mandate: { evaluationJobs: { timeout: { seconds: 1 } } } },
      }),
    ],
  });
  say(`listening ${(backend.server.address() as AddressInfo).port}`);
}

main().catch(error => {
  process.stderr.write(`crashable backend: ${error?.stack ?? error}\n`);
  process.exit(2);
});
