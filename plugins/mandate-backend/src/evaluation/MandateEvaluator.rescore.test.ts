import { EntityReport, RuleResult } from '@mandate-dev/plugin-mandate-common';
import {
  builtInRules,
  DEFAULT_MANDATE_CONFIG,
} from '@mandate-dev/plugin-mandate-node';
import { ResultStore } from '../store/ResultStore';
import { StoredReport } from '../store/StoredReport';
import { WaiverStore } from '../store/WaiverStore';
import { fixtureCatalog } from '../__testUtils__/fixtureCatalog';
import { CatalogLoader } from './CatalogLoader';
import { MandateEvaluator } from './MandateEvaluator';
import {
  mandateTestDatabases,
  migrations,
} from '../__testUtils__/testDatabases';

jest.setTimeout(60_000);

const databases = mandateTestDatabases();
const logger: any = {
  info() {},
  warn() {},
  error() {},
  debug() {},
  child: () => logger,
};
const REF = 'component:default/a';
const NOW = new Date('2026-11-26T10:00:00.000Z');
const HOUR = 3600_000;

function stored(results: RuleResult[], evaluatedAt: string): StoredReport {
  const report: EntityReport = {
    entityRef: REF,
    owner: 'group:default/team-a',
    tier: 'high',
    level: 'none',
    score: 50,
    results,
  };
  return {
    report,
    rawResults: results,
    system: null,
    lifecycle: 'production',
    evaluatedAt,
  };
}

describe.each(databases.eachSupportedId())(
  'MandateEvaluator.rescore on %p',
  databaseId => {
    async function setup() {
      const knex = await databases.init(databaseId);
      await knex.migrate.latest(migrations);
      const results = new ResultStore(knex);
      const waivers = new WaiverStore(knex);
      const evaluator = (
        waiverStore: WaiverStore = waivers,
        resultStore: ResultStore = results,
      ) =>
        new MandateEvaluator({
          loader: {} as CatalogLoader,
          results: resultStore,
          waivers: waiverStore,
          config: DEFAULT_MANDATE_CONFIG,
          rules: builtInRules,
          logger,
          clock: () => NOW,
        });
      return { knex, results, waivers, evaluator };
    }

    const waiverRequest = {
      entityRef: REF,
      ruleId: 'ops.runbook',
      reason: 'writing it',
      expiresAt: new Date(NOW.getTime() + HOUR).toISOString(),
    };

    it('applies a new waiver to the stored figures in the transaction that creates it', async () => {
      const { results, waivers, evaluator } = await setup();
      await results.write(
        [
          stored(
            [
              { ruleId: 'ops.runbook', status: 'fail' },
              { ruleId: 'ops.dashboard', status: 'pass' },
            ],
            NOW.toISOString(),
          ),
        ],
        'all',
      );
      const mandate = evaluator();
      const versionBefore = await results.version();
      await waivers.create(waiverRequest, 'user:default/alice', NOW, tx =>
        mandate.rescore([REF], tx),
      );
      const after = await results.get(REF);
      expect(after?.report.results.map(r => r.status)).toEqual([
        'waived',
        'pass',
      ]);
      expect(after?.report.score).toBe(100);
      expect(await results.version()).not.toBe(versionBefore);
    });

    it('keeps neither the waiver nor new figures when the rescore fails', async () => {
      const { results, waivers, evaluator } = await setup();
      await results.write(
        [
          stored(
            [
              { ruleId: 'ops.runbook', status: 'fail' },
              { ruleId: 'ops.dashboard', status: 'pass' },
            ],
            NOW.toISOString(),
          ),
        ],
        'all',
      );
      const before = await results.get(REF);
      const failingResults = Object.create(results) as ResultStore;
      failingResults.updateWaived = async () => {
        throw new Error('disk full');
      };
      const mandate = evaluator(waivers, failingResults);
      await expect(
        waivers.create(waiverRequest, 'user:default/alice', NOW, tx =>
          mandate.rescore([REF], tx),
        ),
      ).rejects.toThrow('disk full');
      expect(await waivers.list({}, NOW)).toEqual([]);
      expect(await results.get(REF)).toEqual(before);
    });

    it('never overwrites the results of an evaluation that is written while it runs', async () => {
      const { results, waivers, evaluator } = await setup();
      const first = stored(
        [
          { ruleId: 'ops.runbook', status: 'fail' },
          { ruleId: 'ops.dashboard', status: 'pass' },
        ],
        '2026-11-26T09:00:00.000Z',
      );
      await results.write([first], 'all');
      await waivers.create(waiverRequest, 'user:default/alice', NOW);

      // The rescore stops while it reads the waivers; an evaluation writes newer results then.
      let release!: () => void;
      const gate = new Promise<void>(resolve => {
        release = resolve;
      });
      let entered!: () => void;
      const inside = new Promise<void>(resolve => {
        entered = resolve;
      });
      const gatedWaivers = Object.create(waivers) as WaiverStore;
      gatedWaivers.active = async (
        ...args: Parameters<WaiverStore['active']>
      ) => {
        entered();
        await gate;
        return waivers.active(...args);
      };
      const rescoring = evaluator(gatedWaivers).rescore([REF]);
      await inside;

      const newer = stored(
        [
          { ruleId: 'ops.runbook', status: 'pass' },
          { ruleId: 'ops.dashboard', status: 'fail' },
        ],
        '2026-11-26T10:00:00.000Z',
      );
      const writing = results.write([newer], { evaluatedRefs: [REF] });
      // Let the write go as far as it can (it may have to wait for the rescore's transaction).
      await Promise.race([
        writing,
        new Promise(resolve => setTimeout(resolve, 300)),
      ]);
      release();
      await Promise.all([rescoring, writing]);

      const after = await results.get(REF);
      expect(after?.evaluatedAt).toBe('2026-11-26T10:00:00.000Z');
      expect(after?.rawResults).toEqual(newer.rawResults);
      // The stored figures belong to the newer evaluation, not to the older raw results.
      expect(after?.report.results.map(r => r.status)).toEqual([
        'pass',
        'fail',
      ]);
      const rule = await results.list(
        { ruleId: 'ops.dashboard', status: 'fail' },
        { offset: 0, limit: 10 },
      );
      expect(rule.total).toBe(1);
    });

    it('applies a waiver granted while an evaluation runs to the results it writes', async () => {
      const { results, waivers, evaluator } = await setup();
      const orders = 'component:default/orders';
      const catalog = {
        load: async () => fixtureCatalog.map(entity => ({ entity })),
        loadRefs: async () => [],
        fingerprint: async () => new Map<string, string>(),
      } as unknown as CatalogLoader;

      // The evaluation stops once its results are computed, as it calls the store to write them
      // (the store reads the waivers in force only then, under its lock).
      let release!: () => void;
      const gate = new Promise<void>(resolve => {
        release = resolve;
      });
      let entered!: () => void;
      const inside = new Promise<void>(resolve => {
        entered = resolve;
      });
      let gated = true;
      const gatedResults = Object.create(results) as ResultStore;
      gatedResults.write = async (
        ...args: Parameters<ResultStore['write']>
      ) => {
        if (gated) {
          gated = false;
          entered();
          await gate;
        }
        return results.write(...args);
      };
      const evaluating = new MandateEvaluator({
        loader: catalog,
        results: gatedResults,
        waivers,
        config: DEFAULT_MANDATE_CONFIG,
        rules: builtInRules,
        logger,
        clock: () => NOW,
      }).evaluateEntity(orders);
      await inside;

      // Meanwhile a waiver is granted and committed (there is nothing stored to rescore yet).
      const mandate = evaluator();
      await waivers.create(
        {
          ...waiverRequest,
          entityRef: orders,
          ruleId: 'deps.no-tier-inversion',
        },
        'user:default/alice',
        NOW,
        tx => mandate.rescore([orders], tx),
      );
      release();
      await evaluating;

      const after = await results.get(orders);
      const inversion = after?.report.results.find(
        r => r.ruleId === 'deps.no-tier-inversion',
      );
      expect(
        after?.rawResults.find(r => r.ruleId === 'deps.no-tier-inversion')
          ?.status,
      ).toBe('fail');
      expect(inversion?.status).toBe('waived');
      const waived = await results.list(
        { ruleId: 'deps.no-tier-inversion', status: 'waived' },
        { offset: 0, limit: 10 },
      );
      expect(waived.items.map(i => i.report.entityRef)).toEqual([orders]);
    });
  },
);
