import { RuleOptionSchemas, TENETS } from '@mandate-dev/plugin-mandate-common';
import { AnyMandateRule } from '../rules/MandateRule';

/**
 * The rule reference (docs/rules.md) as Markdown, from the rule definitions themselves: id,
 * level, what it checks, why, how to fix it, and its options with their defaults. A test keeps
 * the committed file equal to this.
 */
export function renderRuleReference(rules: readonly AnyMandateRule[]): string {
  const lines = [
    '# Mandate rules',
    '',
    '<!-- Generated from the rule definitions by `yarn docs:rules`; do not edit. -->',
    '',
    'Each rule is configured under `mandate.rules.<id>` (the dots of the id nest); every rule',
    'takes `enabled: false`. Reports list the rules in this order.',
    '',
    '| Rule | Level | Title |',
    '| ---- | ----- | ----- |',
    ...rules.map(rule => `| \`${rule.id}\` | ${rule.level} | ${rule.title} |`),
  ];
  for (const tenet of TENETS) {
    const ofTenet = rules.filter(rule => rule.tenet === tenet.id);
    if (ofTenet.length === 0) continue;
    lines.push('', `## ${tenet.title}`);
    for (const rule of ofTenet) {
      lines.push(
        '',
        `### \`${rule.id}\` (${rule.level})`,
        '',
        `**${rule.title}.** ${rule.description}`,
        '',
        `Why: ${rule.rationale}`,
        '',
        `Fix: ${rule.remediation.text}`,
        '',
        '```yaml',
        rule.remediation.snippet.trimEnd(),
        '```',
      );
      const options = Object.entries((rule.options ?? {}) as RuleOptionSchemas);
      if (options.length > 0) {
        lines.push(
          '',
          '| Option | Type | Default | Meaning |',
          '| --- | --- | --- | --- |',
        );
        for (const [name, schema] of options) {
          lines.push(
            `| \`${name}\` | ${schema.type} | \`${JSON.stringify(
              schema.default,
            )}\` | ${schema.description} |`,
          );
        }
      }
    }
  }
  return `${lines.join('\n')}\n`;
}
