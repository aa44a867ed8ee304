import express from 'express';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { AddressInfo } from 'node:net';
import knexFactory, { Knex } from 'knex';
import { ConfigReader } from '@backstage/config';
import { resolvePackagePath } from '@backstage/backend-plugin-api';
import { MiddlewareFactory } from '@backstage/backend-defaults/rootHttpRouter';
import { AuthorizeResult } from '@backstage/plugin-permission-common';
import { builtInRules, DEFAULT_MANDATE_CONFIG, SnapshotInput } from '@internal/plugin-mandate-node';
import { generateSyntheticCatalog } from '@internal/plugin-mandate-node/bench/generateSyntheticCatalog';
import { CatalogLoader } from '../src/evaluation/CatalogLoader';
import { MandateEvaluator } from '../src/evaluation/MandateEvaluator';
import { createRouter } from '../src/router/createRouter';
import { EvaluationJobStore } from '../src/store/EvaluationJobStore';
import { ResultStore } from '../src/store/ResultStore';
import { WaiverStore } from '../src/store/WaiverStore';

const SERVICES = Number(process.env.MANDATE_BENCH_SERVICES ?? 10_000);
const HISTORY_DAYS = 90;
const REQUESTS = 200;
const config = { ...DEFAULT_MANDATE_CONFIG, platformTemplates: ['node-22', 'jvm-21', 'go-1.23'] };

/** Quiet stand-ins for the services the router needs: auth is not what is measured here. */
const logger: any = { info() {}, warn() {}, error() {}, debug() {}, child: () => logger };
const user = { principal: { type: 'user', userEntityRef: 'user:default/bench' } };
const httpAuth: any = { credentials: async () => user };
const permissions: any = { authorize: async (requests: unknown[]) => requests.map(() => ({ result: AuthorizeResult.ALLOW })) };

/** Serves the generated catalog as if the catalog service had ingested it. */
class SyntheticCatalogLoader {
  constructor(private readonly inputs: SnapshotInput[]) {}
  async load() {
    return this.inputs;
  }
  async fingerprint() {
    return new Map(this.inputs.map(i => [`${i.entity.kind}:default/${i.entity.metadata.name}`.toLowerCase(), '1']));
  }
}

async function databases(): Promise<{ name: string; knex: Knex }[]> {
  const file = path.join(fs.mkdtempSync(path.join(os.tmpdir(), 'mandate-bench-')), 'mandate.sqlite');
  const result = [
    {
      name: 'SQLite (file)',
      knex: knexFactory({ client: 'better-sqlite3', connection: { filename: file }, useNullAsDefault: true }),
    },
  ];
  const pg = process.env.MANDATE_BENCH_PG ?? 'postgresql://postgres@127.0.0.1:5432';
  const admin = knexFactory({ client: 'pg', connection: `${pg}/postgres` });
  try {
    await admin.raw('DROP DATABASE IF EXISTS mandate_bench');
    await admin.raw('CREATE DATABASE mandate_bench');
    result.push({ name: 'PostgreSQL', knex: knexFactory({ client: 'pg', connection: `${pg}/mandate_bench` }) });
  } catch (error) {
    console.log(`PostgreSQL skipped: ${(error as Error).message}`);
  } finally {
    await admin.destroy();
  }
  return result;
}

/** 90 days of history for every service, as if Mandate had run daily for a quarter. */
async function seedHistory(knex: Knex, results: ResultStore) {
  const rows = await results.scores({});
  const today = Date.now();
  const chunk: object[] = [];
  for (let d = 1; d < HISTORY_DAYS; d++) {
    const day = new Date(today - d * 86_400_000).toISOString().slice(0, 10);
    for (const row of rows) {
      chunk.push({ entity_ref: row.entityRef, day, owner: row.owner, tier: row.tier, score: Math.max(0, row.score - (d % 7)), level: row.level, statuses: '{}' });
      if (chunk.length === 500) await knex('mandate_history').insert(chunk.splice(0));
    }
  }
  if (chunk.length) await knex('mandate_history').insert(chunk);
  return rows;
}

async function p95(url: string, token: string, paths: string[]): Promise<{ p50: number; p95: number }> {
  const times: number[] = [];
  for (let i = 0; i < REQUESTS; i++) {
    const start = process.hrtime.bigint();
    const response = await fetch(url + paths[i % paths.length], { headers: { authorization: token } });
    const body = await response.text();
    if (!response.ok) throw new Error(`${paths[i % paths.length]} answered ${response.status}: ${body}`);
    times.push(Number(process.hrtime.bigint() - start) / 1e6);
  }
  times.sort((a, b) => a - b);
  return { p50: times[Math.floor(times.length * 0.5)], p95: times[Math.floor(times.length * 0.95)] };
}

export async function main() {
  const inputs = generateSyntheticCatalog({ services: SERVICES, seed: 7 });
  console.log(`Mandate backend bench: ${SERVICES} services, ${inputs.length} entities, ${HISTORY_DAYS} days of history`);

  for (const { name, knex } of await databases()) {
    await knex.migrate.latest({ directory: resolvePackagePath('@internal/plugin-mandate-backend', 'migrations') });
    const results = new ResultStore(knex);
    const waivers = new WaiverStore(knex);
    const evaluator = new MandateEvaluator({
      loader: new SyntheticCatalogLoader(inputs) as unknown as CatalogLoader,
      results,
      waivers,
      config,
      rules: builtInRules,
      logger,
    });

    let start = Date.now();
    await evaluator.evaluateAll();
    const fullMs = Date.now() - start;
    start = Date.now();
    await evaluator.evaluateAll();
    const secondMs = Date.now() - start;

    start = Date.now();
    const rows = await seedHistory(knex, results);
    const seedMs = Date.now() - start;

    const router = await createRouter({
      httpAuth,
      permissions,
      evaluator,
      results,
      waivers,
      jobs: new EvaluationJobStore(knex),
      rules: builtInRules,
      config,
      runJobsSoon: async () => {},
    });
    const app = express();
    app.use(express.json());
    app.use('/api/mandate', router);
    app.use(MiddlewareFactory.create({ config: new ConfigReader({}), logger }).error());
    const server = app.listen(0);
    const url = `http://127.0.0.1:${(server.address() as AddressInfo).port}/api/mandate`;
    const token = 'Bearer bench';

    const summary = await p95(url, token, ['/summary']);
    const refs = rows.filter((_, i) => i % 97 === 0).map(r => `/entities/${encodeURIComponent(r.entityRef)}`);
    const entity = await p95(url, token, refs);
    const teamSummary = await p95(url, token, [`/summary?owner=${encodeURIComponent('group:default/team-3')}`, '/summary?tier=critical']);
    server.close();

    console.log(
      [
        `${name}:`,
        `full evaluation stored ${(fullMs / 1000).toFixed(1)} s (again, warm: ${(secondMs / 1000).toFixed(1)} s)`,
        `history seeded in ${(seedMs / 1000).toFixed(1)} s`,
        `GET /summary p50 ${summary.p50.toFixed(1)} ms p95 ${summary.p95.toFixed(1)} ms`,
        `filtered /summary p95 ${teamSummary.p95.toFixed(1)} ms`,
        `GET /entities/{ref} p50 ${entity.p50.toFixed(1)} ms p95 ${entity.p95.toFixed(1)} ms`,
      ].join('\n  '),
    );
    await knex.destroy();
  }
  console.log(`peak RSS ${(process.resourceUsage().maxRSS / 1024).toFixed(0)} MiB`);
}
