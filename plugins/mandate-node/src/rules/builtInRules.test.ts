import { RULEBOOK_RULES } from '../testUtils/rulebookRules';
import { parseAllDocuments } from 'yaml';
import { builtInRules } from './builtInRules';
import { describeRule } from './describeRule';

describe('builtInRules', () => {
  it('are the rulebook rules, in rulebook order, with their tenets and levels', () => {
    expect(
      builtInRules.map(({ id, tenet, level }) => ({ id, tenet, level })),
    ).toEqual(
      RULEBOOK_RULES.map(({ id, tenet, level }) => ({ id, tenet, level })),
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
});
