import { Knex } from 'knex';
import { resolvePackagePath } from '@backstage/backend-plugin-api';
import {
  builtInRules,
  DefinitionAnalysisPool,
  DEFAULT_MANDATE_CONFIG,
  SnapshotInput,
} from '@mandate-dev/plugin-mandate-node';
// A benchmark reuses another package's benchmark fixture; no published entry point needed.
// eslint-disable-next-line @backstage/no-forbidden-package-imports
import { generateSyntheticCatalog } from '@mandate-dev/plugin-mandate-node/bench/generateSyntheticCatalog';
// eslint-disable-next-line @backstage/no-forbidden-package-imports
import { toYamlDefinitions } from '@mandate-dev/plugin-mandate-node/bench/toYamlDefinitions';
import { CatalogLoader } from '../src/evaluation/CatalogLoader';
import { MandateEvaluator } from '../src/evaluation/MandateEvaluator';
import { ResultStore } from '../src/store/ResultStore';
import { WaiverStore } from '../src/store/WaiverStore';

export const benchConfig = {
  ...DEFAULT_MANDATE_CONFIG,
  platformTemplates: ['node-22', 'jvm-21', 'go-1.23'],
};

/** A logger that keeps quiet: the benchmarks print their own figures. */
export const quietLogger: any = {
  info() {},
  warn() {},
  error() {},
  debug() {},
  child: () => quietLogger,
};

const refOf = (input: SnapshotInput) =>
  `${input.entity.kind}:default/${input.entity.metadata.name}`.toLowerCase();

/**
 * Serves the generated catalog as if the catalog service had ingested it. `inputs` may be
 * edited in place (the benchmark changes entities); `touch` then gives the edited entity a
 * new etag, as the catalog does, so that `evaluateChanges` finds it.
 */
export class SyntheticCatalogLoader {
  readonly #etags = new Map<string, number>();
  readonly #indexOf = new Map<string, number>();

  constructor(readonly inputs: SnapshotInput[]) {
    inputs.forEach((input, i) => {
      this.#etags.set(refOf(input), 1);
      this.#indexOf.set(refOf(input), i);
    });
  }
  touch(ref: string) {
    this.#etags.set(ref, (this.#etags.get(ref) ?? 0) + 1);
  }
  async load() {
    return this.inputs;
  }
  async loadRefs(refs: string[]) {
    return refs.flatMap(ref => {
      const i = this.#indexOf.get(ref);
      return i === undefined ? [] : [this.inputs[i]];
    });
  }
  async fingerprint() {
    return new Map([...this.#etags].map(([ref, etag]) => [ref, String(etag)]));
  }
}

/**
 * Migrates the database and wires the backend's stores and evaluator to a synthetic catalog of
 * `services` services (the engine benchmark's generator, same seed, definitions as YAML).
 */
export async function syntheticStore(knex: Knex, services: number) {
  await knex.migrate.latest({
    directory: resolvePackagePath(
      '@mandate-dev/plugin-mandate-backend',
      'migrations',
    ),
  });
  // YAML definitions, as real catalogs hold them (issue 11), not the generator's JSON text.
  const inputs = toYamlDefinitions(
    generateSyntheticCatalog({ services, seed: 7 }),
  );
  const results = new ResultStore(knex);
  const waivers = new WaiverStore(knex);
  const loader = new SyntheticCatalogLoader(inputs);
  // Definitions are parsed in worker threads, as the plugin does (plugin.ts).
  const definitionPool = new DefinitionAnalysisPool();
  /** An evaluator with nothing cached, as after a restart (the pool's threads are reused). */
  const freshEvaluator = () =>
    new MandateEvaluator({
      loader: loader as unknown as CatalogLoader,
      results,
      waivers,
      config: benchConfig,
      rules: builtInRules,
      logger: quietLogger,
      definitionPool,
    });
  return {
    inputs,
    loader,
    results,
    waivers,
    evaluator: freshEvaluator(),
    freshEvaluator,
    close: () => definitionPool.close(),
  };
}

/** 90 days of history for every service, as if Mandate had run daily for a quarter. */
export async function seedHistory(
  knex: Knex,
  results: ResultStore,
  days: number,
) {
  const rows = await results.scores({});
  const today = Date.now();
  const chunk: object[] = [];
  for (let d = 1; d < days; d++) {
    const day = new Date(today - d * 86_400_000).toISOString().slice(0, 10);
    for (const row of rows) {
      chunk.push({
        entity_ref: row.entityRef,
        day,
        owner: row.owner,
        tier: row.tier,
        score: Math.max(0, row.score - (d % 7)),
        level: row.level,
        statuses: '{}',
      });
      if (chunk.length === 500)
        await knex('mandate_history').insert(chunk.splice(0));
    }
  }
  if (chunk.length) await knex('mandate_history').insert(chunk);
  return rows;
}
