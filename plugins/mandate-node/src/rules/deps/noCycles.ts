import { defineRule } from '../defineRule';
import { fail, pass } from '../RuleOutcome';

/** Evidence lists at most this many members of a large cycle. */
const MAX_MEMBERS_LISTED = 20;

export const noCyclesRule = defineRule({
  id: 'deps.no-cycles',
  tenet: 'dependencies',
  level: 'silver',
  title: 'No dependency cycles',
  description:
    'The service is on no cycle of service-to-service dependencies (`dependsOn` and consumed-API edges, hard or soft; a self-loop counts).',
  rationale:
    'Dependency cycles are dominoes: services on a cycle cannot be started, deployed or recovered independently.',
  remediation: {
    text: 'Break the cycle: invert one dependency (events instead of calls) or merge the services that cannot live apart.',
    snippet: `# payments no longer calls orders back; it publishes an event instead
spec:
  dependsOn: []
  providesApis: [payment-events]
`,
    language: 'yaml',
  },
  evaluate(service, { facts: { graph } }) {
    const cycle = graph.cycleOf(service.ref);
    if (!cycle) return pass();
    const evidence: string[] = [];
    if (cycle.path.length > 0) evidence.push(cycle.path.join(' -> '));
    if (cycle.members.length > 2 || cycle.path.length === 0) {
      const listed = cycle.members.slice(0, MAX_MEMBERS_LISTED);
      const more = cycle.members.length - listed.length;
      evidence.push(
        `services on the cycle: ${listed.join(', ')}${
          more > 0 ? ` and ${more} more` : ''
        }`,
      );
    }
    return fail(
      cycle.members.length === 1
        ? 'the service depends on itself'
        : `on a dependency cycle of ${cycle.members.length} services`,
      evidence,
      [...cycle.path, ...cycle.members.slice(0, MAX_MEMBERS_LISTED)],
    );
  },
});
