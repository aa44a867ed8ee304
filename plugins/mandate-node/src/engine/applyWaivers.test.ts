import { Entity } from '@backstage/catalog-model';
import { Report } from '@mandate-dev/plugin-mandate-common';
import { CatalogSnapshot } from '../catalog';
import { builtInRules } from '../rules/builtInRules';
import { MandateRule } from '../rules/MandateRule';
import { service } from '../testUtils/entities';
import { applyWaivers } from './applyWaivers';
import { evaluateCatalog } from './evaluateCatalog';
import { indexWaivers } from './indexWaivers';
import { Waiver } from './Waiver';

const now = new Date('2026-11-26T10:00:00.000Z');
const snapshotOf = (entities: Entity[]) =>
  new CatalogSnapshot(entities.map(entity => ({ entity })));

/** The pipeline: evaluate, then apply the waivers in force at `now` with the rules' levels. */
function evaluateWaived(options: {
  snapshot: CatalogSnapshot;
  now: Date;
  rules?: readonly MandateRule[];
  waivers?: Waiver[];
}): Report {
  const raw = evaluateCatalog(options);
  const levels = new Map(
    (options.rules ?? builtInRules).map(rule => [rule.id, rule.level]),
  );
  const waiverFor = indexWaivers(options.waivers ?? [], options.now);
  return {
    ...raw,
    entities: raw.entities.map(entity =>
      applyWaivers(entity, levels, waiverFor),
    ),
  };
}

describe('applyWaivers', () => {
  const catalog = () => snapshotOf([service('a')]);
  const waiver = (ruleId: string, expiresAt: string) => ({
    entityRef: 'Component:default/A',
    ruleId,
    expiresAt,
    reason: 'migrating',
    grantedBy: 'user:default/cto',
  });
  const statusOf = (report: Report, ruleId: string) =>
    report.entities[0].results.find(r => r.ruleId === ruleId)?.status;

  it('turns a fail covered by an unexpired waiver into waived, which counts as passing', () => {
    const without = evaluateWaived({ snapshot: catalog(), now });
    const withWaiver = evaluateWaived({
      snapshot: catalog(),
      now,
      waivers: [waiver('ops.tier-declared', '2026-12-01T00:00:00Z')],
    });
    expect(statusOf(without, 'ops.tier-declared')).toBe('fail');
    expect(statusOf(withWaiver, 'ops.tier-declared')).toBe('waived');
    expect(withWaiver.entities[0].score).toBeGreaterThan(
      without.entities[0].score,
    );
  });

  it('never counts a revoked waiver', () => {
    const report = evaluateWaived({
      snapshot: catalog(),
      now,
      waivers: [
        {
          ...waiver('ops.tier-declared', '2026-12-01T00:00:00Z'),
          revokedAt: '2026-11-25T00:00:00Z',
        },
      ],
    });
    expect(statusOf(report, 'ops.tier-declared')).toBe('fail');
  });

  it('stops counting a waiver once expired', () => {
    const report = evaluateWaived({
      snapshot: catalog(),
      now,
      waivers: [waiver('ops.tier-declared', '2026-11-26T10:00:00.000Z')],
    });
    expect(statusOf(report, 'ops.tier-declared')).toBe('fail');
  });

  it('never hides an error: only a fail can be waived', () => {
    const throwing: MandateRule = {
      ...builtInRules[0],
      id: 'custom.throws',
      evaluate: () => {
        throw new Error('boom');
      },
    };
    const report = evaluateWaived({
      snapshot: catalog(),
      now,
      rules: [throwing],
      waivers: [waiver('custom.throws', '2026-12-01T00:00:00Z')],
    });
    expect(statusOf(report, 'custom.throws')).toBe('error');
  });

  it('leaves a passing result alone', () => {
    const report = evaluateWaived({
      snapshot: catalog(),
      now,
      waivers: [waiver('deps.resolved', '2026-12-01T00:00:00Z')],
    });
    expect(statusOf(report, 'deps.resolved')).toBe('pass');
  });

  it('rescores with the levels of the rules: a waived bronze failure lifts the level', () => {
    const bronzeFail: MandateRule = {
      ...builtInRules[0],
      id: 'custom.bronze',
      level: 'bronze',
      evaluate: () => ({ status: 'fail', message: 'no' }),
    };
    const rules = [bronzeFail];
    const without = evaluateWaived({ snapshot: catalog(), now, rules });
    const waived = evaluateWaived({
      snapshot: catalog(),
      now,
      rules,
      waivers: [waiver('custom.bronze', '2026-12-01T00:00:00Z')],
    });
    expect(without.entities[0]).toMatchObject({ level: 'none', score: 0 });
    expect(waived.entities[0]).toMatchObject({ level: 'gold', score: 100 });
  });

  it('drops the stored result of a rule that is no longer registered', () => {
    const [report] = evaluateCatalog({ snapshot: catalog(), now }).entities;
    const stored = {
      ...report,
      results: [
        ...report.results,
        { ruleId: 'custom.uninstalled', status: 'fail' as const },
      ],
    };
    const levels = new Map(builtInRules.map(rule => [rule.id, rule.level]));
    const rescored = applyWaivers(stored, levels, indexWaivers([], now));
    expect(rescored.results.map(r => r.ruleId)).toEqual(
      builtInRules.map(rule => rule.id),
    );
    expect(rescored).toMatchObject({
      score: report.score,
      level: report.level,
    });
  });
});
