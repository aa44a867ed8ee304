import { MANDATE_ANNOTATIONS, readUrl } from '../../annotations';
import { defineRule } from '../defineRule';
import { fail, pass } from '../RuleOutcome';

export const dashboardRule = defineRule({
  id: 'ops.dashboard',
  tenet: 'operations',
  level: 'silver',
  title: 'Has a monitoring dashboard',
  description: '`mandate.dev/dashboard` is an http(s) URL.',
  rationale:
    'During an incident the first question is what the service is doing right now; the answer should be one click away.',
  remediation: {
    text: "Link the service's monitoring dashboard.",
    snippet: `metadata:
  annotations:
    mandate.dev/dashboard: https://grafana.example.com/d/orders
`,
    language: 'yaml',
  },
  evaluate(service) {
    const value = service.annotations[MANDATE_ANNOTATIONS.dashboard];
    if (value === undefined)
      return fail(`${MANDATE_ANNOTATIONS.dashboard} is not set`);
    const target = readUrl(value);
    if (target.kind === 'http') return pass();
    return fail(
      target.kind === 'bad-url'
        ? target.reason
        : `${value} is not an http(s) URL`,
    );
  },
});
