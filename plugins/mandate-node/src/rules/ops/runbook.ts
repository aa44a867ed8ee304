import { MANDATE_ANNOTATIONS, readUrl } from '../../annotations';
import { defineRule } from '../defineRule';
import { SnapshotEntity } from '../../catalog';
import { EvaluationFacts } from '../../facts/EvaluationFacts';
import { fail, pass, RuleOutcome } from '../RuleOutcome';
import { annotationsEdit, decisionFix } from '../support';

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
    const outcome = judgeRunbook(service, options.sections, facts);
    if (outcome.status === 'pass') return pass();
    const { missing, path } = outcome;
    const onCall = service.onCall ?? service.owner;
    if (missing && path) {
      // The sections are added to the runbook itself: Markdown, not the entity's YAML.
      const hints: Record<string, string> = {
        diagnosis: `What the dashboard and key metrics of ${service.ref} show when it is unwell, and where its logs are.`,
        mitigation: 'How to restart, roll back, scale or shed load.',
        escalation: onCall
          ? `Who to page next: ${onCall}, then its manager.`
          : 'Who to page next.',
      };
      return {
        ...outcome.result,
        fix: {
          text: `Add the missing section${
            missing.length === 1 ? '' : 's'
          } ${missing.join(', ')} to ${path} (the runbook of ${service.ref}).`,
          snippet: missing
            .map(
              section =>
                `\n## ${section}\n\n${
                  hints[section.toLowerCase()] ?? `What to do: ${section}.`
                }\n`,
            )
            .join(''),
          language: 'markdown',
        },
      };
    }
    const file = `./runbooks/${service.name}.md`;
    return {
      ...outcome.result,
      fix: decisionFix(
        `Decide where the runbook of ${
          service.ref
        } lives: a Markdown file next to the entity file (${file}, with the headings ${options.sections.join(
          ', ',
        )}), or an https page of your wiki.`,
        [
          {
            comment: `Option 1, in ${service.ref}: a file next to it (write it too)`,
            edit: annotationsEdit({ [MANDATE_ANNOTATIONS.runbook]: file }),
          },
          {
            comment: `Option 2, in ${service.ref}: your wiki page's URL`,
            edit: annotationsEdit({
              [MANDATE_ANNOTATIONS.runbook]: `https://wiki.example.com/${service.name}/runbook`,
            }),
          },
        ],
      ),
    };
  },
});

type RunbookJudgement =
  | { status: 'pass' }
  | { status: 'fail'; result: RuleOutcome; path?: string; missing?: string[] };

function judgeRunbook(
  service: SnapshotEntity,
  sections: string[],
  facts: EvaluationFacts,
): RunbookJudgement {
  const failed = (message: string, evidence?: string[]) => ({
    status: 'fail' as const,
    result: fail(message, evidence),
  });
  const value = service.annotations[MANDATE_ANNOTATIONS.runbook];
  if (value === undefined)
    return failed(`${MANDATE_ANNOTATIONS.runbook} is not set`);
  const target = readUrl(value);
  switch (target.kind) {
    case 'http':
      return { status: 'pass' };
    case 'bad-url':
      return failed(target.reason);
    case 'absolute-path':
      return failed(
        `${target.path} is an absolute path; use a path relative to the entity file`,
      );
    default:
      break;
  }
  const runbook = service.runbook;
  if (!runbook) {
    return failed(
      `${target.path} could not be read: the entity's source location is unknown`,
    );
  }
  if ('error' in runbook)
    return failed(`${target.path} could not be read: ${runbook.error}`);
  const headings = facts
    .markdownHeadings(runbook.text)
    .map(h => h.toLowerCase());
  const missing = sections.filter(
    section =>
      !headings.some(heading => heading.includes(section.toLowerCase())),
  );
  if (missing.length > 0) {
    return {
      ...failed(
        `${target.path} has no heading for ${missing.join(', ')}`,
        missing.map(section => `missing section: ${section}`),
      ),
      path: target.path,
      missing,
    };
  }
  return { status: 'pass' };
}
