import { MANDATE_ANNOTATIONS, parseSlo, readSlo } from '../../annotations';
import { splitList } from '../../catalog';
import { defineRule } from '../defineRule';
import { fail, pass } from '../RuleOutcome';
import { annotationsEdit, decisionFix, proposedSlo, ruleFix } from '../support';

/** @public */
export const keyMetricsRule = defineRule({
  id: 'ops.key-metrics',
  tenet: 'operations',
  level: 'silver',
  title: 'A few key metrics and an SLO',
  description:
    '`mandate.dev/key-metrics` names 1 to `maxMetrics` (default 7) distinct metrics and `mandate.dev/slo` is a plain number strictly between 0 and 100.',
  rationale:
    'A handful of key indicators and a target tell the on-call person whether the service is healthy; tens of thousands of metrics tell nobody anything.',
  remediation: {
    text: 'Name the few indicators that say whether the service is healthy, and its availability target.',
    snippet: `metadata:
  annotations:
    mandate.dev/key-metrics: availability,latency-p99,error-rate
    mandate.dev/slo: '99.9'
`,
    language: 'yaml',
  },
  options: {
    maxMetrics: {
      type: 'integer',
      default: 7,
      minimum: 1,
      description: 'The most key metrics a service may name.',
    },
  },
  evaluate(service, { options, facts: { graph } }) {
    const problems: string[] = [];
    const metricsValue = service.annotations[MANDATE_ANNOTATIONS.keyMetrics];
    const metrics = new Set(splitList(metricsValue));
    if (metricsValue === undefined) {
      problems.push(`${MANDATE_ANNOTATIONS.keyMetrics} is not set`);
    } else if (metrics.size === 0) {
      problems.push(`${MANDATE_ANNOTATIONS.keyMetrics} names no metric`);
    } else if (metrics.size > options.maxMetrics) {
      problems.push(
        `${MANDATE_ANNOTATIONS.keyMetrics} names ${metrics.size} metrics, more than ${options.maxMetrics}`,
      );
    }
    const sloValue = service.annotations[MANDATE_ANNOTATIONS.slo];
    if (sloValue === undefined) {
      problems.push(`${MANDATE_ANNOTATIONS.slo} is not set`);
    } else if (readSlo(service) === undefined) {
      problems.push(
        `${MANDATE_ANNOTATIONS.slo} ${JSON.stringify(
          sloValue,
        )} is not a number strictly between 0 and 100`,
      );
    }
    if (problems.length === 0) return pass();
    const outcome = fail(problems.join('; '), problems);
    const set: Record<string, string> = {};
    const says: string[] = [];
    let decision = false;
    if (metrics.size > options.maxMetrics) {
      const kept = [...metrics].slice(0, options.maxMetrics);
      set[MANDATE_ANNOTATIONS.keyMetrics] = kept.join(',');
      says.push(
        `keep the ${
          options.maxMetrics
        } that say whether it is healthy: the snippet keeps the first ${
          options.maxMetrics
        } and drops ${[...metrics].slice(options.maxMetrics).join(', ')}`,
      );
    } else if (metrics.size === 0) {
      decision = true;
      set[MANDATE_ANNOTATIONS.keyMetrics] =
        'availability,latency-p99,error-rate';
      says.push(
        'decide the few indicators that say whether it is healthy (the snippet shows the usual three)',
      );
    }
    if (readSlo(service) === undefined) {
      // "99.9%" meant 99.9; otherwise what its hard dependencies allow.
      const typed = sloValue?.trim().replace(/%$/, '');
      const slo =
        parseSlo(typed) !== undefined
          ? typed!
          : proposedSlo(service.ref, graph);
      set[MANDATE_ANNOTATIONS.slo] = slo;
      says.push(`declare its availability target as a plain number: ${slo}`);
    }
    const text = `For ${service.ref}: ${says.join('; ')}.`;
    return {
      ...outcome,
      fix: decision
        ? decisionFix(text, [
            {
              comment: `in ${service.ref}: its key metrics`,
              edit: annotationsEdit(set),
            },
          ])
        : ruleFix(text, annotationsEdit(set)),
    };
  },
});
