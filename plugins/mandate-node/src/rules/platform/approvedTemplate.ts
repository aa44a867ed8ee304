import { MANDATE_ANNOTATIONS } from '../../annotations';
import { defineRule } from '../defineRule';
import type { RuleFix } from '@mandate-dev/plugin-mandate-common';
import { fail, notApplicable, pass } from '../RuleOutcome';
import { annotationsEdit, decisionFix, FixOption, ruleFix } from '../support';

export const approvedTemplateRule = defineRule({
  id: 'platform.approved-template',
  tenet: 'standards-and-layers',
  level: 'gold',
  title: 'Runs on an approved platform template',
  description:
    '`mandate.dev/platform-template` is one of `mandate.platformTemplates`. Not applicable when that list is not configured.',
  rationale:
    'Configuration is layered: the OS and middleware come from approved templates so that they can be patched and operated uniformly; only the application layer is free.',
  remediation: {
    text: 'Rebuild the service on one of the approved templates and name it.',
    snippet: `metadata:
  annotations:
    mandate.dev/platform-template: node-22-distroless
`,
    language: 'yaml',
  },
  evaluate(service, { config }) {
    const approved = config.platformTemplates;
    if (!approved)
      return notApplicable('mandate.platformTemplates is not configured');
    const value = service.annotations[MANDATE_ANNOTATIONS.platformTemplate];
    if (value !== undefined && approved.includes(value.trim())) return pass();
    const outcome =
      value === undefined
        ? fail(`${MANDATE_ANNOTATIONS.platformTemplate} is not set`)
        : fail(
            `${JSON.stringify(value)} is not an approved platform template`,
            [`approved: ${approved.join(', ') || '(none)'}`],
          );
    return {
      ...outcome,
      fix: templateFix(service.ref, value?.trim(), approved),
    };
  },
});

const use = (template: string) =>
  annotationsEdit({ [MANDATE_ANNOTATIONS.platformTemplate]: template });

/** The language or runtime a template name starts with: `java-8-tomcat` -> `java`. */
const family = (template: string) => template.toLowerCase().split(/[-_ ]/)[0];

/**
 * The approved template of the same spelling or the same family (java-8-tomcat ->
 * java-21-springboot) is applied as is; otherwise moving to another runtime, or having the
 * platform team approve this one, is a decision.
 */
function templateFix(
  ref: string,
  value: string | undefined,
  approved: readonly string[],
): RuleFix {
  const same =
    value === undefined
      ? undefined
      : approved.find(t => t.toLowerCase() === value.toLowerCase()) ??
        approved.find(t => family(t) === family(value));
  if (value !== undefined && same) {
    return ruleFix(
      `Rebuild ${ref} on ${same}, the approved template for ${family(
        value,
      )}, instead of ${value}.`,
      use(same),
    );
  }
  const options: FixOption[] = approved.map((template, i) => ({
    comment: `Option ${i + 1}, in ${ref}: rebuild it on ${template}`,
    edit: use(template),
  }));
  if (value !== undefined) {
    options.push({
      comment: `Option ${
        options.length + 1
      }, in app-config.yaml: the platform team approves ${value}`,
      edit: { mandate: { platformTemplates: [...approved, value] } },
    });
  }
  return decisionFix(
    value === undefined
      ? `Decide which approved template ${ref} runs on: ${approved.join(', ')}.`
      : `Decide: rebuild ${ref} on an approved template (${approved.join(
          ', ',
        )}), or the platform team approves ${value} and patches it like the others.`,
    options,
  );
}
