import { MANDATE_ANNOTATIONS, readUrl } from '../../annotations';
import { defineRule } from '../defineRule';
import { fail, pass } from '../RuleOutcome';
import { annotationsEdit, decisionFix, ruleFix } from '../support';

/** Annotations of well-known Backstage plugins that already link a dashboard. */
const OTHER_DASHBOARDS = [
  'grafana/overview-dashboard',
  'datadoghq.com/dashboard-url',
  'newrelic.com/dashboard-guid',
];

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
    const target = value === undefined ? undefined : readUrl(value);
    if (target?.kind === 'http') return pass();
    const outcome =
      value === undefined
        ? fail(`${MANDATE_ANNOTATIONS.dashboard} is not set`)
        : fail(
            target?.kind === 'bad-url'
              ? target.reason
              : `${value} is not an http(s) URL`,
          );
    const set = (url: string) =>
      annotationsEdit({ [MANDATE_ANNOTATIONS.dashboard]: url });
    // A dashboard the entity already links for another plugin, or the value with its scheme.
    const known = [
      ...OTHER_DASHBOARDS.map(key => service.annotations[key]),
      value !== undefined && !/^[a-z][a-z0-9+.-]*:/i.test(value.trim())
        ? `https://${value.trim()}`
        : undefined,
    ].find(url => url !== undefined && readUrl(url).kind === 'http');
    if (known) {
      return {
        ...outcome,
        fix: ruleFix(`Link the dashboard at ${known}.`, set(known)),
      };
    }
    const metrics = service.annotations[MANDATE_ANNOTATIONS.keyMetrics];
    return {
      ...outcome,
      fix: decisionFix(
        `Link the dashboard that shows ${service.ref}${
          metrics ? `'s key metrics (${metrics})` : ''
        }: only its team knows the URL; the snippet shows the shape.`,
        [
          {
            comment: `in ${service.ref}: your dashboard's URL`,
            edit: set(`https://grafana.example.com/d/${service.name}`),
          },
        ],
      ),
    };
  },
});
