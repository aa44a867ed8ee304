import { builtInRules } from './rules/builtInRules';
import { RULEBOOK_RULES } from './testUtils/rulebookRules';
import path from 'node:path';
import { Report, RuleStatus } from '@mandate-dev/plugin-mandate-common';
import { CatalogSnapshot } from './catalog';
import { loadCatalogFiles } from './cli/loadCatalogFiles';
import { readConfigFiles } from './cli/readConfigFiles';
import { readMandateConfig } from './config';
import { evaluateCatalog } from './engine';

const repo = path.resolve(__dirname, '../../..');

/**
 * The demo organisation in catalog/ exists to tell every rule's story: each rule must pass for
 * some service and fail for another, and every service must be judged by every rule.
 */
describe('the demo catalog', () => {
  let report: Report;
  beforeAll(async () => {
    const { inputs } = await loadCatalogFiles([path.join(repo, 'catalog')]);
    const config = readMandateConfig(
      readConfigFiles([path.join(repo, 'app-config.yaml')]),
      builtInRules,
    );
    report = evaluateCatalog({
      snapshot: new CatalogSnapshot(inputs),
      config,
      now: new Date('2026-11-26T10:00:00Z'),
    });
  });

  it('gives every service one result for every rule', () => {
    expect(report.entities.length).toBeGreaterThanOrEqual(15);
    for (const entity of report.entities) {
      expect(entity.results.map(r => r.ruleId)).toEqual(
        RULEBOOK_RULES.map(r => r.id),
      );
    }
  });

  it.each(RULEBOOK_RULES.map(rule => rule.id))(
    'shows %s both passing and failing',
    ruleId => {
      const statuses = new Set<RuleStatus>(
        report.entities.map(
          e => e.results.find(r => r.ruleId === ruleId)!.status,
        ),
      );
      expect(statuses).toContain('pass');
      expect(statuses).toContain('fail');
    },
  );

  it('gives every service of a team the same verdict on the rules about the owner', () => {
    const ownerRules = builtInRules.filter(rule => rule.subject === 'owner');
    expect(ownerRules.length).toBeGreaterThan(0);
    for (const rule of ownerRules) {
      const verdicts = new Map<string, string>();
      for (const entity of report.entities) {
        const result = entity.results.find(r => r.ruleId === rule.id)!;
        const verdict = JSON.stringify([result.status, result.message]);
        const owner = entity.owner ?? '';
        expect([rule.id, owner, verdicts.get(owner) ?? verdict]).toEqual([
          rule.id,
          owner,
          verdict,
        ]);
        verdicts.set(owner, verdict);
      }
    }
  });

  it('has services at every level, the dog-food service at gold', () => {
    const levels = new Set(report.entities.map(e => e.level));
    expect([...levels].sort()).toEqual(['bronze', 'gold', 'none', 'silver']);
    expect(
      report.entities.find(e => e.entityRef === 'component:default/mandate')
        ?.level,
    ).toBe('gold');
  });
});
