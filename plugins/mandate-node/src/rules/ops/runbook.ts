import { MANDATE_ANNOTATIONS, readUrl } from '../../annotations';
import { defineRule } from '../defineRule';
import { fail, pass } from '../RuleOutcome';

export const runbookRule = defineRule({
  id: 'ops.runbook',
  tenet: 'operations',
  level: 'bronze',
  title: 'Has a runbook',
  description:
    '`mandate.dev/runbook` is an http(s) URL, or a path relative to the entity file to a Markdown runbook whose headings include each of `sections` (default Diagnosis, Mitigation, Escalation).',
  rationale:
    'Design for failure: what matters is recovery time, and the person paged at night recovers faster with a runbook that says how to diagnose, mitigate and escalate.',
  remediation: {
    text: 'Write a runbook next to the entity file with the required sections and point the annotation at it.',
    snippet: `metadata:
  annotations:
    mandate.dev/runbook: ./runbook.md
# runbook.md:
#   # Orders runbook
#   ## Diagnosis
#   ## Mitigation
#   ## Escalation
`,
    language: 'yaml',
  },
  options: {
    sections: {
      type: 'string-list',
      default: ['Diagnosis', 'Mitigation', 'Escalation'],
      description:
        'The headings a runbook must have (compared case-insensitively, at any depth).',
    },
  },
  evaluate(service, { options, facts }) {
    const value = service.annotations[MANDATE_ANNOTATIONS.runbook];
    if (value === undefined)
      return fail(`${MANDATE_ANNOTATIONS.runbook} is not set`);
    const target = readUrl(value);
    switch (target.kind) {
      case 'http':
        return pass();
      case 'bad-url':
        return fail(target.reason);
      case 'absolute-path':
        return fail(
          `${target.path} is an absolute path; use a path relative to the entity file`,
        );
      default:
        break;
    }
    const runbook = service.runbook;
    if (!runbook) {
      return fail(
        `${target.path} could not be read: the entity's source location is unknown`,
      );
    }
    if ('error' in runbook)
      return fail(`${target.path} could not be read: ${runbook.error}`);
    const headings = facts
      .markdownHeadings(runbook.text)
      .map(h => h.toLowerCase());
    const missing = options.sections.filter(
      section =>
        !headings.some(heading => heading.includes(section.toLowerCase())),
    );
    if (missing.length > 0) {
      return fail(
        `${target.path} has no heading for ${missing.join(', ')}`,
        missing.map(section => `missing section: ${section}`),
      );
    }
    return pass();
  },
});
