import { defineRule } from '../defineRule';
import { fail, pass } from '../RuleOutcome';
import { decisionFix, FixOption, withoutEdge } from '../support';

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
  evaluate(service, { snapshot, facts: { graph } }) {
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
    // Which call to turn around is the teams' decision: one from each end of the cycle.
    const [first, second] = [cycle.path[1], cycle.path[cycle.path.length - 2]];
    const options: FixOption[] = [];
    const breakEdge = (from: string, to: string) => {
      const [a, b] = [snapshot.get(from)!, snapshot.get(to)!];
      options.push({
        comment: `Option ${options.length + 1}, in ${a.ref}: stop calling ${
          b.ref
        }; ${
          a === b
            ? 'drop the self-dependency'
            : `let ${b.ref} publish events or call ${a.ref} instead`
        }`,
        edit: withoutEdge(a, b),
      });
    };
    if (first) breakEdge(service.ref, first);
    if (second && second !== service.ref) breakEdge(second, service.ref);
    const outcome = fail(
      cycle.members.length === 1
        ? 'the service depends on itself'
        : `on a dependency cycle of ${cycle.members.length} services`,
      evidence,
      [...cycle.path, ...cycle.members.slice(0, MAX_MEMBERS_LISTED)],
    );
    return {
      ...outcome,
      fix: decisionFix(
        first
          ? `Decide which call of ${cycle.path.join(
              ' -> ',
            )} to turn around (an event instead of a call, or the other way round), or merge the services that cannot live apart.`
          : `Decide how to break the cycle of ${cycle.members.length} services: invert the dependencies that close it, or merge the services that cannot live apart.`,
        options,
      ),
    };
  },
});
