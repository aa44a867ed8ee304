import { TestDatabases } from '@backstage/backend-test-utils';
import { resolvePackagePath } from '@backstage/backend-plugin-api';
import { Entity, stringifyEntityRef } from '@backstage/catalog-model';
import {
  builtInRules,
  DEFAULT_MANDATE_CONFIG,
} from '@mandate-dev/plugin-mandate-node';
import { ResultStore } from '../store/ResultStore';
import { WaiverStore } from '../store/WaiverStore';
import { fixtureCatalog } from '../__testUtils__/fixtureCatalog';
import { CatalogLoader } from './CatalogLoader';
import { MandateEvaluator } from './MandateEvaluator';

jest.setTimeout(60_000);

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

/** A service that shares nothing with the fixture's orders and recommendations. */
const LONELY: Entity = {
  apiVersion: 'backstage.io/v1alpha1',
  kind: 'Component',
  metadata: { name: 'lonely', annotations: { 'mandate.dev/tier': 'low' } },
  spec: {
    type: 'service',
    lifecycle: 'production',
    owner: 'group:default/other-team',
  },
};

/** A catalog whose entities the test edits; etags change with every edit, as in Backstage. */
class EditableCatalog {
  entities = new Map<string, { entity: Entity; etag: number }>(
    [...fixtureCatalog, LONELY].map(entity => [
      stringifyEntityRef(entity).toLowerCase(),
      { entity, etag: 1 },
    ]),
  );
  async load() {
    return [...this.entities.values()].map(({ entity }) => ({ entity }));
  }
  async loadRefs(refs: string[]) {
    return refs.flatMap(ref => {
      const found = this.entities.get(ref);
      return found ? [{ entity: found.entity }] : [];
    });
  }
  async fingerprint() {
    return new Map(
      [...this.entities].map(([ref, { etag }]) => [ref, String(etag)]),
    );
  }
  edit(ref: string, change: (entity: Entity) => void) {
    const current = this.entities.get(ref)!;
    const entity = structuredClone(current.entity);
    change(entity);
    this.entities.set(ref, { entity, etag: current.etag + 1 });
  }
}

async function setup() {
  const knex = await databases.init('SQLITE_3');
  await knex.migrate.latest({
    directory: resolvePackagePath(
      '@mandate-dev/plugin-mandate-backend',
      'migrations',
    ),
  });
  const catalog = new EditableCatalog();
  const results = new ResultStore(knex);
  const evaluator = new MandateEvaluator({
    loader: catalog as unknown as CatalogLoader,
    results,
    waivers: new WaiverStore(knex),
    config: DEFAULT_MANDATE_CONFIG,
    rules: builtInRules,
    logger,
  });
  return { catalog, results, evaluator };
}

describe('MandateEvaluator', () => {
  it('re-evaluates only what a catalog change can affect', async () => {
    const { catalog, evaluator, results } = await setup();
    expect(await evaluator.evaluateChanges()).toEqual({
      evaluated: 3,
      removed: 0,
    });
    expect(await evaluator.evaluateChanges()).toEqual({
      evaluated: 0,
      removed: 0,
    });

    catalog.edit('component:default/lonely', entity => {
      entity.metadata.annotations!['mandate.dev/slo'] = '99';
    });
    expect(await evaluator.evaluateChanges()).toEqual({
      evaluated: 1,
      removed: 0,
    });

    // orders and recommendations provide the same API: a change to one may affect the other,
    // never lonely.
    catalog.edit('component:default/orders', entity => {
      entity.metadata.annotations!['mandate.dev/tier'] = 'low';
    });
    expect(await evaluator.evaluateChanges()).toEqual({
      evaluated: 2,
      removed: 0,
    });
    const orders = await results.get('component:default/orders');
    expect(orders?.report.tier).toBe('low');
    const inversion = orders?.report.results.find(
      r => r.ruleId === 'deps.no-tier-inversion',
    );
    expect(inversion?.status).toBe('pass');

    // recommendations is downstream of orders: both are re-evaluated, with the new SLO.
    catalog.edit('component:default/recommendations', entity => {
      entity.metadata.annotations!['mandate.dev/slo'] = '90';
    });
    expect(await evaluator.evaluateChanges()).toEqual({
      evaluated: 2,
      removed: 0,
    });
    const budget = (
      await results.get('component:default/orders')
    )?.report.results.find(r => r.ruleId === 'deps.sla-budget');
    expect(budget?.status).toBe('fail');
    expect(budget?.evidence?.join(' ')).toContain('(90%)');
  });

  it('drops the results of a service that left the catalog', async () => {
    const { catalog, evaluator, results } = await setup();
    await evaluator.evaluateAll();
    catalog.entities.delete('component:default/recommendations');
    const outcome = await evaluator.evaluateChanges();
    expect(outcome.removed).toBe(1);
    expect(
      await results.get('component:default/recommendations'),
    ).toBeUndefined();
    expect(await results.get('component:default/orders')).toBeDefined();
  });

  it('keeps the previous results when the catalog cannot be read', async () => {
    const { catalog, evaluator, results } = await setup();
    await evaluator.evaluateAll();
    catalog.load = async () => {
      throw new Error('catalog unavailable');
    };
    await expect(evaluator.evaluateAll()).rejects.toThrow(
      'catalog unavailable',
    );
    expect((await results.scores({})).map(s => s.entityRef)).toEqual([
      'component:default/lonely',
      'component:default/orders',
      'component:default/recommendations',
    ]);
  });

  it('retries the changes whose write failed on the next run', async () => {
    const { catalog, evaluator, results } = await setup();
    await evaluator.evaluateAll();
    catalog.edit('component:default/lonely', entity => {
      entity.metadata.annotations!['mandate.dev/tier'] = 'critical';
    });

    // The database refuses the first write after the change, then recovers.
    const write = results.write.bind(results);
    let failures = 1;
    results.write = async (...args) => {
      if (failures-- > 0) throw new Error('database unavailable');
      return write(...args);
    };
    await expect(evaluator.evaluateChanges()).rejects.toThrow(
      'database unavailable',
    );
    expect((await results.get('component:default/lonely'))?.report.tier).toBe(
      'low',
    );

    expect(await evaluator.evaluateChanges()).toEqual({
      evaluated: 1,
      removed: 0,
    });
    expect((await results.get('component:default/lonely'))?.report.tier).toBe(
      'critical',
    );
  });

  it('still finds every change after a failed full evaluation', async () => {
    const { catalog, evaluator, results } = await setup();
    await evaluator.evaluateAll();
    const write = results.write.bind(results);
    results.write = async () => {
      throw new Error('database unavailable');
    };
    catalog.edit('component:default/lonely', entity => {
      entity.metadata.annotations!['mandate.dev/tier'] = 'critical';
    });
    await expect(evaluator.evaluateAll()).rejects.toThrow(
      'database unavailable',
    );

    results.write = write;
    expect(
      (await evaluator.evaluateChanges()).evaluated,
    ).toBeGreaterThanOrEqual(1);
    expect((await results.get('component:default/lonely'))?.report.tier).toBe(
      'critical',
    );
  });

  it('re-evaluates the other changes after an evaluation of one service', async () => {
    const { catalog, evaluator, results } = await setup();
    await evaluator.evaluateAll();
    catalog.edit('component:default/lonely', entity => {
      entity.metadata.annotations!['mandate.dev/tier'] = 'critical';
    });
    catalog.edit('component:default/orders', entity => {
      entity.metadata.annotations!['mandate.dev/tier'] = 'low';
    });
    // POST /evaluate for orders reads the whole catalog but stores only orders.
    await evaluator.evaluateEntity('component:default/orders');
    expect((await results.get('component:default/lonely'))?.report.tier).toBe(
      'low',
    );

    await evaluator.evaluateChanges();
    expect((await results.get('component:default/lonely'))?.report.tier).toBe(
      'critical',
    );
  });
});
