import { TestDatabases } from '@backstage/backend-test-utils';
import { resolvePackagePath } from '@backstage/backend-plugin-api';
import { Knex } from 'knex';
import {
  builtInRules,
  DEFAULT_MANDATE_CONFIG,
} from '@mandate-dev/plugin-mandate-node';
// A test reuses the engine's random catalog; no published entry point needed.
// eslint-disable-next-line @backstage/no-forbidden-package-imports
import { RandomCatalog } from '@mandate-dev/plugin-mandate-node/src/testUtils/RandomCatalog';
import { ResultStore } from '../store/ResultStore';
import { WaiverStore } from '../store/WaiverStore';
import { CatalogLoader } from './CatalogLoader';
import { MandateEvaluator } from './MandateEvaluator';

jest.setTimeout(120_000);

const databases = TestDatabases.create({
  ids: ['SQLITE_3'],
  disableDocker: true,
});
const logger: any = {
  info() {},
  warn() {},
  error() {},
  debug() {},
  child: () => logger,
};
const NOW = new Date('2026-11-26T10:00:00Z');
const config = { ...DEFAULT_MANDATE_CONFIG, platformTemplates: ['node-22'] };
const SEEDS = [1, 2, 3, 4];
const STEPS = 15;

/** The random catalog as the catalog service serves it: an etag per entity, new on every edit. */
class RandomCatalogLoader {
  readonly #etags = new Map<string, number>();
  constructor(readonly catalog: RandomCatalog) {
    for (const { entity } of catalog.inputs())
      this.#etags.set(refOf(entity), 1);
  }
  change(): string[] {
    const changed = this.catalog.mutate();
    for (const ref of changed) {
      if (this.catalog.get(ref))
        this.#etags.set(ref, (this.#etags.get(ref) ?? 0) + 1);
      else this.#etags.delete(ref);
    }
    return changed;
  }
  async load() {
    return this.catalog.inputs();
  }
  async loadRefs(refs: string[]) {
    return refs.flatMap(ref => this.catalog.get(ref) ?? []);
  }
  async fingerprint() {
    return new Map([...this.#etags].map(([ref, etag]) => [ref, String(etag)]));
  }
}

function refOf(entity: { kind: string; metadata: any }) {
  const namespace = entity.metadata.namespace ?? 'default';
  return `${entity.kind}:${namespace}/${entity.metadata.name}`.toLowerCase();
}

async function store() {
  const knex = await databases.init('SQLITE_3');
  await knex.migrate.latest({
    directory: resolvePackagePath(
      '@mandate-dev/plugin-mandate-backend',
      'migrations',
    ),
  });
  const waivers = new WaiverStore(knex);
  // A waiver in force, so that the write path applies one.
  await waivers.create(
    {
      entityRef: 'component:default/svc-1',
      ruleId: 'ops.runbook',
      reason: 'migrating the wiki',
      expiresAt: '2026-12-20T00:00:00Z',
    },
    'user:default/alice',
    NOW,
  );
  return { knex, results: new ResultStore(knex), waivers };
}

function evaluator(
  loader: RandomCatalogLoader,
  { results, waivers }: { results: ResultStore; waivers: WaiverStore },
) {
  return new MandateEvaluator({
    loader: loader as unknown as CatalogLoader,
    results,
    waivers,
    config,
    rules: builtInRules,
    logger,
    clock: () => NOW,
  });
}

/** The stored latest results, every column, in a stable order. */
async function storedRows(knex: Knex) {
  return {
    entities: await knex('mandate_entities').select('*').orderBy('entity_ref'),
    ruleResults: await knex('mandate_rule_results')
      .select('*')
      .orderBy(['entity_ref', 'rule_id']),
  };
}

describe('MandateEvaluator, differential', () => {
  it('stores after evaluateChanges what a fresh evaluator stores with evaluateAll, after random catalog changes', async () => {
    for (const seed of SEEDS) {
      const loader = new RandomCatalogLoader(new RandomCatalog(seed));
      const incremental = await store();
      const full = await store();
      const running = evaluator(loader, incremental);
      await running.evaluateAll();
      const log: string[] = [];
      let reEvaluated = 0;
      for (let step = 1; step <= STEPS; step++) {
        loader.change();
        log.push(loader.catalog.lastChange.join(', '));
        reEvaluated += (await running.evaluateChanges()).evaluated;
        await evaluator(loader, full).evaluateAll();
        const [actual, expected] = [
          await storedRows(incremental.knex),
          await storedRows(full.knex),
        ];
        try {
          expect(actual).toEqual(expected);
        } catch (e) {
          (e as Error).message = `seed ${seed}, step ${step}, changes:\n${log
            .map((line, i) => `  ${i + 1}. ${line}`)
            .join('\n')}\n${(e as Error).message}`;
          throw e;
        }
        expect(expected.entities.length).toBeGreaterThan(0);
      }
      // The changes went through the incremental path, not a full evaluation each time.
      expect(reEvaluated).toBeGreaterThan(0);
      expect(reEvaluated).toBeLessThan(
        STEPS * (await storedRows(full.knex)).entities.length,
      );
    }
  });
});
