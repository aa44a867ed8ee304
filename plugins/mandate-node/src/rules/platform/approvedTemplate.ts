import { MANDATE_ANNOTATIONS } from '../../annotations';
import { defineRule } from '../defineRule';
import { fail, notApplicable, pass } from '../RuleOutcome';

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
    if (value === undefined) {
      return fail(`${MANDATE_ANNOTATIONS.platformTemplate} is not set`);
    }
    if (!approved.includes(value.trim())) {
      return fail(
        `${JSON.stringify(value)} is not an approved platform template`,
        [`approved: ${approved.join(', ') || '(none)'}`],
      );
    }
    return pass();
  },
});
