import { ChildProcess, spawn } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { randomUUID } from 'node:crypto';
import knexFactory, { Knex } from 'knex';
import { mockCredentials } from '@backstage/backend-test-utils';
import { EXPIRED_REASON } from '../store/EvaluationJobStore';

/*
 * The fault test: kill -9 the backend while a full evaluation of 10,000 services is being
 * stored. After a restart the last complete evaluation is served, never a mix, and the next
 * evaluation completes. The backend runs in a child process (crashableBackend.ts) that freezes
 * itself in the middle of the write, so that the kill lands there every time.
 */

const SERVICES = Number(process.env.MANDATE_CRASH_SERVICES ?? 10_000);
const CHILD = path.join(__dirname, '__testUtils__', 'crashableBackend.ts');
const postgres =
  process.env.BACKSTAGE_TEST_DATABASE_POSTGRES15_CONNECTION_STRING;

jest.setTimeout(15 * 60_000);

interface CrashDatabase {
  /** The knex config the child backend uses. */
  config: Knex.Config;
  remove(): Promise<void>;
}

function sqliteFile(): CrashDatabase {
  const directory = fs.mkdtempSync(path.join(os.tmpdir(), 'mandate-crash-'));
  return {
    config: {
      client: 'better-sqlite3',
      connection: { filename: path.join(directory, 'mandate.sqlite') },
      useNullAsDefault: true,
    },
    remove: async () => fs.rmSync(directory, { recursive: true, force: true }),
  };
}

async function postgresDatabase(connection: string): Promise<CrashDatabase> {
  const database = `mandate_crash_${randomUUID().slice(0, 8)}`;
  const admin = knexFactory({ client: 'pg', connection });
  await admin.raw('CREATE DATABASE ??', [database]);
  await admin.destroy();
  return {
    config: {
      client: 'pg',
      connection: `${connection.replace(/\/$/, '')}/${database}`,
    },
    remove: async () => {
      const cleanup = knexFactory({ client: 'pg', connection });
      await cleanup.raw('DROP DATABASE IF EXISTS ?? WITH (FORCE)', [database]);
      await cleanup.destroy();
    },
  };
}

/** A child backend and the lines it says (`MANDATE_CRASH ...`). */
class ChildBackend {
  readonly #process: ChildProcess;
  readonly #exited: Promise<void>;
  #lines: string[] = [];
  #waiters: (() => void)[] = [];
  #stderr = '';
  port = 0;

  constructor(database: Knex.Config, freezeAfterWrites?: number) {
    this.#process = spawn(
      process.execPath,
      ['-r', require.resolve('@backstage/cli/config/nodeTransform.cjs'), CHILD],
      {
        env: {
          ...process.env,
          MANDATE_CRASH_DATABASE: JSON.stringify(database),
          MANDATE_CRASH_SERVICES: String(SERVICES),
          ...(freezeAfterWrites
            ? { MANDATE_CRASH_FREEZE_AFTER_WRITES: String(freezeAfterWrites) }
            : {}),
        },
        stdio: ['ignore', 'pipe', 'pipe'],
      },
    );
    let buffer = '';
    this.#process.stdout!.on('data', chunk => {
      buffer += chunk;
      const lines = buffer.split('\n');
      buffer = lines.pop()!;
      for (const line of lines) {
        if (!line.startsWith('MANDATE_CRASH ')) continue;
        this.#lines.push(line.slice('MANDATE_CRASH '.length));
        for (const wake of this.#waiters.splice(0)) wake();
      }
    });
    this.#process.stderr!.on('data', chunk => {
      this.#stderr = (this.#stderr + chunk).slice(-4000);
    });
    this.#exited = new Promise(resolve =>
      this.#process.once('exit', () => resolve()),
    );
    this.#exited.then(() => {
      for (const wake of this.#waiters.splice(0)) wake();
    });
  }

  /** Waits until the child says a line starting with `prefix`, and returns it. */
  async said(prefix: string): Promise<string> {
    for (;;) {
      const line = this.#lines.find(l => l.startsWith(prefix));
      if (line) return line;
      if (
        this.#process.exitCode !== null ||
        this.#process.signalCode !== null
      ) {
        throw new Error(
          `the child backend exited before saying "${prefix}": ${this.#stderr}`,
        );
      }
      await new Promise<void>(resolve => this.#waiters.push(resolve));
    }
  }

  async start() {
    this.port = Number((await this.said('listening ')).split(' ')[1]);
    return this;
  }

  async kill(signal: NodeJS.Signals) {
    if (this.#process.exitCode === null && this.#process.signalCode === null) {
      this.#process.kill(signal);
    }
    await this.#exited;
  }

  async request(method: string, url: string, body?: object) {
    const response = await fetch(
      `http://127.0.0.1:${this.port}/api/mandate${url}`,
      {
        method,
        headers: {
          authorization: `Bearer ${mockCredentials.user.token()}`,
          'content-type': 'application/json',
        },
        body: body && JSON.stringify(body),
      },
    );
    return { status: response.status, body: await response.json() };
  }
}

/** What is stored, read straight from the database. */
async function storedState(config: Knex.Config) {
  const knex = knexFactory(config);
  try {
    const count = async (table: string) =>
      Number((await knex(table).count({ n: '*' }))[0].n);
    const version = await knex('mandate_meta')
      .where('key', 'results_version')
      .first();
    const evaluatedAt = await knex('mandate_entities')
      .distinct('evaluated_at')
      .orderBy('evaluated_at');
    return {
      version: version?.value as string | undefined,
      evaluatedAt: evaluatedAt.map(row => row.evaluated_at as string),
      entities: await count('mandate_entities'),
      ruleResults: await count('mandate_rule_results'),
      history: await count('mandate_history'),
    };
  } finally {
    await knex.destroy();
  }
}

const cases: [string, () => Promise<CrashDatabase>][] = [
  ['a SQLite file', async () => sqliteFile()],
];
if (postgres) cases.push(['PostgreSQL', () => postgresDatabase(postgres)]);

describe.each(cases)(
  'a backend killed while storing an evaluation on %s',
  (_name, makeDatabase) => {
    let database: CrashDatabase;
    const children: ChildBackend[] = [];
    beforeEach(async () => {
      database = await makeDatabase();
    });
    afterEach(async () => {
      for (const child of children.splice(0)) await child.kill('SIGKILL');
      await database.remove();
    });

    it('serves the last complete evaluation after a restart, and evaluates again', async () => {
      const started = Date.now();
      // E1: one full evaluation, stored completely. The mock scheduler runs the job before the
      // answer comes.
      const first = new ChildBackend(database.config, 1);
      children.push(first);
      await first.start();
      const e1 = await first.request('POST', '/evaluate', {});
      expect(e1.status).toBe(202);
      expect(
        (await first.request('GET', `/evaluations/${e1.body.id}`)).body.status,
      ).toBe('succeeded');
      const afterE1 = await storedState(database.config);
      expect(afterE1.entities).toBe(SERVICES);
      expect(afterE1.evaluatedAt).toHaveLength(1);

      // E2: killed in the middle of its write. Its request never answers.
      const e2 = first.request('POST', '/evaluate', {}).catch(() => undefined);
      await first.said('frozen while storing an evaluation');
      await first.kill('SIGKILL');
      await e2;

      // Exactly E1 is stored: no row of E2, none of E1 missing.
      expect(await storedState(database.config)).toEqual(afterE1);

      const second = new ChildBackend(database.config);
      children.push(second);
      await second.start();
      const summary = await second.request('GET', '/summary');
      expect(summary.status).toBe(200);
      expect(summary.body.organisation.services).toBe(SERVICES);
      const page = await second.request('GET', '/report?limit=5');
      expect(
        page.body.items.map((e: { evaluatedAt: string }) => e.evaluatedAt),
      ).toEqual(Array(5).fill(afterE1.evaluatedAt[0]));

      // E3: the next evaluation is not held up by the job the killed backend left running.
      const e3 = await second.request('POST', '/evaluate', {});
      expect(e3.status).toBe(202);
      expect(
        (await second.request('GET', `/evaluations/${e3.body.id}`)).body.status,
      ).toBe('succeeded');
      const afterE3 = await storedState(database.config);
      expect(afterE3.entities).toBe(SERVICES);
      expect(afterE3.ruleResults).toBe(afterE1.ruleResults);
      expect(afterE3.evaluatedAt).toHaveLength(1);
      expect(afterE3.evaluatedAt[0] > afterE1.evaluatedAt[0]).toBe(true);
      expect(afterE3.version).not.toBe(afterE1.version);

      const knex = knexFactory(database.config);
      try {
        const jobs = await knex('mandate_evaluations').orderBy('created_at');
        expect(jobs.map(job => [job.status, job.failure_reason])).toEqual([
          ['succeeded', null],
          ['failed', EXPIRED_REASON],
          ['succeeded', null],
        ]);
      } finally {
        await knex.destroy();
      }
      // Printed for the CI log: how long the fault test takes on this database.
      process.stdout.write(
        `crash test on ${_name}: ${Math.round(
          (Date.now() - started) / 1000,
        )} s\n`,
      );
    });
  },
);
