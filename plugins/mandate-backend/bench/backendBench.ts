import express from 'express';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { AddressInfo } from 'node:net';
import { monitorEventLoopDelay } from 'node:perf_hooks';
import knexFactory, { Knex } from 'knex';
import { ConfigReader } from '@backstage/config';
import { MiddlewareFactory } from '@backstage/backend-defaults/rootHttpRouter';
import { AuthorizeResult } from '@backstage/plugin-permission-common';
import { builtInRules } from '@mandate-dev/plugin-mandate-node';
// eslint-disable-next-line @backstage/no-forbidden-package-imports
import {
  CHANGE_KINDS,
  changeOneEntity,
} from '@mandate-dev/plugin-mandate-node/bench/changeOneEntity';
// eslint-disable-next-line @backstage/no-forbidden-package-imports
import { seededRandom } from '@mandate-dev/plugin-mandate-node/bench/generateSyntheticCatalog';
import { CampaignStore } from '../src/campaigns/CampaignStore';
import { createRouter } from '../src/router/createRouter';
import { EvaluationJobStore } from '../src/store/EvaluationJobStore';
import { ResultStore } from '../src/store/ResultStore';
import {
  benchConfig,
  quietLogger,
  seedHistory,
  syntheticStore,
} from './seedSyntheticStore';

const SERVICES = Number(process.env.MANDATE_BENCH_SERVICES ?? 10_000);
const HISTORY_DAYS = 90;
const REQUESTS = 200;
/** Edits timed per kind of change. */
const CHANGES_PER_KIND = 5;

/** Stand-ins for the services the router needs: auth is not what is measured here. */
const user = {
  principal: { type: 'user', userEntityRef: 'user:default/bench' },
};
const httpAuth: any = { credentials: async () => user };
const permissions: any = {
  authorize: async (requests: unknown[]) =>
    requests.map(() => ({ result: AuthorizeResult.ALLOW })),
  authorizeConditional: async (requests: unknown[]) =>
    requests.map(() => ({ result: AuthorizeResult.ALLOW })),
};
/** Only asked under a conditional read policy, which the bench does not run. */
const catalog: any = {};

async function databases(): Promise<{ name: string; knex: Knex }[]> {
  const file = path.join(
    fs.mkdtempSync(path.join(os.tmpdir(), 'mandate-bench-')),
    'mandate.sqlite',
  );
  const result = [
    {
      name: 'SQLite (file)',
      knex: knexFactory({
        client: 'better-sqlite3',
        connection: { filename: file },
        useNullAsDefault: true,
      }),
    },
  ];
  const pg =
    process.env.MANDATE_BENCH_PG ?? 'postgresql://postgres@127.0.0.1:5432';
  const admin = knexFactory({ client: 'pg', connection: `${pg}/postgres` });
  try {
    await admin.raw('DROP DATABASE IF EXISTS mandate_bench');
    await admin.raw('CREATE DATABASE mandate_bench');
    result.push({
      name: 'PostgreSQL',
      knex: knexFactory({ client: 'pg', connection: `${pg}/mandate_bench` }),
    });
  } catch (error) {
    console.log(`PostgreSQL skipped: ${(error as Error).message}`);
  } finally {
    await admin.destroy();
  }
  return result;
}

/** Every stored report, without the evaluation time: what two evaluations must agree on. */
async function storedReports(results: ResultStore): Promise<string> {
  const reports: unknown[] = [];
  for await (const { evaluatedAt, ...stored } of results.iterate({}))
    reports.push(stored);
  return JSON.stringify(reports);
}

const median = (values: number[]) =>
  [...values].sort((a, b) => a - b)[Math.floor(values.length / 2)];

async function p95(
  url: string,
  token: string,
  paths: string[],
): Promise<{ p50: number; p95: number }> {
  const times: number[] = [];
  for (let i = 0; i < REQUESTS; i++) {
    const start = process.hrtime.bigint();
    const response = await fetch(url + paths[i % paths.length], {
      headers: { authorization: token },
    });
    const body = await response.text();
    if (!response.ok)
      throw new Error(
        `${paths[i % paths.length]} answered ${response.status}: ${body}`,
      );
    times.push(Number(process.hrtime.bigint() - start) / 1e6);
  }
  times.sort((a, b) => a - b);
  return {
    p50: times[Math.floor(times.length * 0.5)],
    p95: times[Math.floor(times.length * 0.95)],
  };
}

/**
 * Latencies of `route` asked one request after another until `running` settles (at least
 * `minimum` requests): what a user of the portal sees while an evaluation runs.
 */
async function latencyWhile(
  url: string,
  token: string,
  route: string,
  running: Promise<unknown>,
  minimum = 20,
): Promise<{ p50: number; p95: number; requests: number }> {
  let settled = false;
  running.then(
    () => (settled = true),
    () => (settled = true),
  );
  const times: number[] = [];
  while (!settled || times.length < minimum) {
    const start = process.hrtime.bigint();
    const response = await fetch(url + route, {
      headers: { authorization: token },
    });
    const body = await response.text();
    if (!response.ok)
      throw new Error(`${route} answered ${response.status}: ${body}`);
    times.push(Number(process.hrtime.bigint() - start) / 1e6);
  }
  times.sort((a, b) => a - b);
  return {
    p50: times[Math.floor(times.length * 0.5)],
    p95: times[Math.floor(times.length * 0.95)],
    requests: times.length,
  };
}

export async function main() {
  console.log(
    `Mandate backend bench: ${SERVICES} services, ${HISTORY_DAYS} days of history`,
  );

  for (const { name, knex } of await databases()) {
    const { loader, results, waivers, evaluator, freshEvaluator, close } =
      await syntheticStore(knex, SERVICES);

    let start = Date.now();
    await evaluator.evaluateAll();
    const fullMs = Date.now() - start;
    start = Date.now();
    await evaluator.evaluateAll();
    const secondMs = Date.now() - start;

    // The production path of a catalog change: fingerprint, read the changed entity, derive the
    // snapshot, affectedEntities, evaluate those services, write them in one transaction.
    const random = seededRandom(99);
    const changeLines: string[] = [];
    let edit = 0;
    for (const kind of CHANGE_KINDS) {
      const times: number[] = [];
      const evaluated: number[] = [];
      for (let k = 0; k < CHANGES_PER_KIND; k++) {
        const { ref } = changeOneEntity(loader.inputs, kind, random, edit++);
        loader.touch(ref);
        start = Date.now();
        const outcome = await evaluator.evaluateChanges();
        times.push(Date.now() - start);
        evaluated.push(outcome.evaluated);
      }
      changeLines.push(
        `one change (${kind}): ${median(times)} ms (median of ${
          times.length
        }, max ${Math.max(...times)} ms), ${median(
          evaluated,
        )} services re-evaluated (max ${Math.max(...evaluated)})`,
      );
    }
    // The incremental results must be what a fresh evaluator stores for the edited catalog.
    const incremental = await storedReports(results);
    start = Date.now();
    await freshEvaluator().evaluateAll();
    const freshMs = Date.now() - start;
    const consistent = incremental === (await storedReports(results));

    start = Date.now();
    const rows = await seedHistory(knex, results, HISTORY_DAYS);
    const seedMs = Date.now() - start;

    const router = await createRouter({
      logger: quietLogger,
      httpAuth,
      permissions,
      catalog,
      evaluator,
      results,
      waivers,
      campaigns: new CampaignStore(knex),
      jobs: new EvaluationJobStore(knex),
      rules: builtInRules,
      config: benchConfig,
      runJobsSoon: async () => {},
    });
    const app = express();
    app.use(express.json());
    app.use('/api/mandate', router);
    app.use(
      MiddlewareFactory.create({
        config: new ConfigReader({}),
        logger: quietLogger,
      }).error(),
    );
    const server = app.listen(0);
    // Longer than fetch's keep-alive: while an evaluation holds the event loop, Node's default
    // 5 s would close a socket as fetch reuses it (ECONNRESET), which is the bench's race, not
    // the router's answer.
    server.keepAliveTimeout = 60_000;
    const url = `http://127.0.0.1:${
      (server.address() as AddressInfo).port
    }/api/mandate`;
    const token = 'Bearer bench';

    const summary = await p95(url, token, ['/summary']);
    const refs = rows
      .filter((_, i) => i % 97 === 0)
      .map(r => `/entities/${encodeURIComponent(r.entityRef)}`);
    const entity = await p95(url, token, refs);
    const teamSummary = await p95(url, token, [
      `/summary?owner=${encodeURIComponent('group:default/team-3')}`,
      '/summary?tier=critical',
    ]);

    // Issue 11: a full evaluation (a fresh evaluator: every definition analysed again) while
    // the portal asks for the summary, in the same process as the router, as in production.
    // How long the evaluation keeps the event loop from answering: the floor under /summary.
    const loopDelay = monitorEventLoopDelay({ resolution: 10 });
    loopDelay.enable();
    start = Date.now();
    let duringMs = 0;
    const evaluation = freshEvaluator()
      .evaluateAll()
      .then(() => {
        duringMs = Date.now() - start;
      });
    const during = await latencyWhile(url, token, '/summary', evaluation);
    await evaluation;
    loopDelay.disable();
    server.close();

    console.log(
      [
        `${name}:`,
        `full evaluation stored ${(fullMs / 1000).toFixed(
          1,
        )} s (again, warm: ${(secondMs / 1000).toFixed(1)} s)`,
        ...changeLines,
        `after the changes, store == full evaluation by a fresh evaluator (${(
          freshMs / 1000
        ).toFixed(1)} s): ${consistent}`,
        `history seeded in ${(seedMs / 1000).toFixed(1)} s`,
        `GET /summary p50 ${summary.p50.toFixed(
          1,
        )} ms p95 ${summary.p95.toFixed(1)} ms`,
        `filtered /summary p95 ${teamSummary.p95.toFixed(1)} ms`,
        `full evaluation stored while GET /summary is asked: ${(
          duringMs / 1000
        ).toFixed(1)} s; GET /summary meanwhile p50 ${during.p50.toFixed(
          1,
        )} ms p95 ${during.p95.toFixed(1)} ms (${
          during.requests
        } requests); event loop delay meanwhile p95 ${(
          loopDelay.percentile(95) / 1e6
        ).toFixed(0)} ms max ${(loopDelay.max / 1e6).toFixed(0)} ms`,
        `GET /entities/{ref} p50 ${entity.p50.toFixed(
          1,
        )} ms p95 ${entity.p95.toFixed(1)} ms`,
      ].join('\n  '),
    );
    await close();
    await knex.destroy();
  }
  console.log(
    `peak RSS ${(process.resourceUsage().maxRSS / 1024).toFixed(0)} MiB`,
  );
}
