import fs from 'node:fs';
import path from 'node:path';
import { builtInRules } from '../rules/builtInRules';
import { renderRuleReference } from './renderRuleReference';

const REFERENCE = path.resolve(__dirname, '../../docs/rules.md');

describe('docs/rules.md', () => {
  it('is generated from the rule definitions (regenerate with yarn docs:rules)', () => {
    const rendered = renderRuleReference(builtInRules);
    if (process.env.UPDATE_RULE_DOCS) fs.writeFileSync(REFERENCE, rendered);
    expect(fs.readFileSync(REFERENCE, 'utf8')).toBe(rendered);
  });

  it('lists every rule once, in report order, with its options and their defaults', () => {
    const rendered = renderRuleReference(builtInRules);
    const tableRows = rendered
      .split('\n')
      .filter(line => /^\| `[a-z]+\./.test(line))
      .map(line => line.split('`')[1]);
    expect(tableRows).toEqual(builtInRules.map(rule => rule.id));
    expect(rendered).toContain('| `maxMembers` | integer | `16` |');
    expect(rendered).toContain(
      '| `sections` | string-list | `["Diagnosis","Mitigation","Escalation"]` |',
    );
  });
});
