import { CatalogSnapshot } from '../catalog';
import { evaluateCatalog } from '../engine';
import { MandateRule } from '../rules';
import { service } from '../testUtils/entities';
import {
  mandateRulesExtensionPoint,
  MandateRulesExtensionPoint,
} from './mandateRulesExtensionPoint';
import { MandateRuleRegistry } from './MandateRuleRegistry';

/** An example custom rule: every service declares a lifecycle of production. */
const productionRule: MandateRule = {
  id: 'acme.production-lifecycle',
  tenet: 'operations',
  level: 'silver',
  title: 'In production',
  description: '`spec.lifecycle` is `production`.',
  rationale: 'Experiments do not get a scorecard.',
  remediation: {
    text: 'Ship it.',
    snippet: 'spec:\n  lifecycle: production\n',
    language: 'yaml',
  },
  evaluate: s =>
    (s.entity.spec as any)?.lifecycle === 'production'
      ? { status: 'pass' }
      : { status: 'fail', message: 'not in production' },
};

describe('mandateRulesExtensionPoint', () => {
  it("is the backend's 'mandate.rules' extension point", () => {
    expect(mandateRulesExtensionPoint.id).toBe('mandate.rules');
  });

  it('adds a custom rule that then appears in reports, after the built-in ones', () => {
    // The backend plugin registers a MandateRuleRegistry as the extension point's implementation
    // and evaluates with `registry.rules`; a module calls addRules during init.
    const extension: MandateRulesExtensionPoint = new MandateRuleRegistry();
    extension.addRules(productionRule);
    const rules = (extension as MandateRuleRegistry).rules;

    const report = evaluateCatalog({
      snapshot: CatalogSnapshot.fromEntities([
        service('a'),
        service('b', { lifecycle: 'experimental' }),
      ]),
      now: new Date(),
      rules,
    });
    expect(report.entities.map(e => e.results.at(-1))).toEqual([
      { ruleId: 'acme.production-lifecycle', status: 'pass' },
      {
        ruleId: 'acme.production-lifecycle',
        status: 'fail',
        message: 'not in production',
      },
    ]);
    expect(report.entities[0].results).toHaveLength(27);
  });

  it('refuses a rule whose id is taken', () => {
    const registry = new MandateRuleRegistry();
    expect(() =>
      registry.addRules({ ...productionRule, id: 'ops.runbook' }),
    ).toThrow(/ops.runbook/);
  });
});
