import { BUILT_IN_RULES } from '@internal/plugin-mandate-common';
import { parseAllDocuments } from 'yaml';
import { builtInRules } from './builtInRules';
import { describeRule } from './describeRule';

describe('builtInRules', () => {
  it('are the rulebook rules, in rulebook order, with their tenets and levels', () => {
    expect(
      builtInRules.map(({ id, tenet, level }) => ({ id, tenet, level })),
    ).toEqual(
      BUILT_IN_RULES.map(({ id, tenet, level }) => ({ id, tenet, level })),
    );
  });

  it.each(builtInRules.map(rule => [rule.id, rule] as const))(
    '%s is described, with a remediation snippet that is valid YAML',
    (_, rule) => {
      const description = describeRule(rule);
      expect(description.title.length).toBeGreaterThan(3);
      expect(description.description.length).toBeGreaterThan(20);
      expect(description.rationale.length).toBeGreaterThan(20);
      expect(description.remediation.language).toBe('yaml');
      const docs = parseAllDocuments(description.remediation.snippet);
      expect(docs.flatMap(doc => doc.errors)).toEqual([]);
      expect(description).not.toHaveProperty('evaluate');
    },
  );

  it('declare the scope of what they read; only the deps graph rules read beyond neighbours', () => {
    expect(
      builtInRules.filter(rule => rule.scope === 'graph').map(rule => rule.id),
    ).toEqual(['deps.no-cycles', 'deps.no-tier-inversion', 'deps.sla-budget']);
    expect(builtInRules.every(rule => rule.scope !== undefined)).toBe(true);
  });
});
