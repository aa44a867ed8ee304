import { SnapshotEntity } from '../../catalog';
import { MANDATE_ANNOTATIONS, readDecimal } from '../../annotations';
import { defineRule } from '../defineRule';
import { fail, notApplicable, pass } from '../RuleOutcome';

export const keepaliveOrderRule = defineRule({
  id: 'layers.keepalive-order',
  tenet: 'standards-and-layers',
  level: 'gold',
  title: 'Keep-alive timeouts ordered along the request path',
  description:
    "On every `dependsOn` edge X -> Y touching the service where both declare `mandate.dev/keepalive-timeout`, X's timeout is strictly lower than Y's. Not applicable when there is no such edge.",
  rationale:
    'The layers must agree: when a caller keeps an idle connection longer than the callee, it sends requests on connections the callee already closed, and they break.',
  remediation: {
    text: 'Make each caller drop idle connections before its callee does.',
    snippet: `# gateway -> orders: 60 < 75
metadata:
  name: orders
  annotations:
    mandate.dev/keepalive-timeout: '75'
`,
    language: 'yaml',
  },
  evaluate(service, { snapshot }) {
    const key = MANDATE_ANNOTATIONS.keepaliveTimeout;
    // Every edge touches the service, so without its own timeout no edge qualifies.
    if (service.annotations[key] === undefined) {
      return notApplicable('the service declares no keep-alive timeout');
    }
    const edges: [SnapshotEntity, SnapshotEntity][] = [];
    const callees = new Set<SnapshotEntity>();
    for (const link of service.dependsOn) {
      const target = snapshot.resolve(link);
      if (target && !callees.has(target)) {
        callees.add(target);
        edges.push([service, target]);
      }
    }
    for (const caller of snapshot.dependentsOf(service.ref)) {
      // A self-dependency is already in the list as an outgoing edge.
      if (caller !== service) edges.push([caller, service]);
    }
    let checked = 0;
    const evidence: string[] = [];
    const refs: string[] = [];
    for (const [caller, callee] of edges) {
      const callerValue = caller.annotations[key];
      const calleeValue = callee.annotations[key];
      if (callerValue === undefined || calleeValue === undefined) continue;
      checked++;
      const callerTimeout = readDecimal(callerValue);
      const calleeTimeout = readDecimal(calleeValue);
      const edge = `${caller.ref} (${callerValue}s) -> ${callee.ref} (${calleeValue}s)`;
      if (callerTimeout === undefined || calleeTimeout === undefined) {
        evidence.push(`${edge}: a timeout is not a number`);
        refs.push(caller.ref, callee.ref);
      } else if (callerTimeout >= calleeTimeout) {
        evidence.push(`${edge}: the caller must time out first`);
        refs.push(caller.ref, callee.ref);
      }
    }
    if (checked === 0) {
      return notApplicable(
        'no dependsOn edge where both ends declare a keep-alive timeout',
      );
    }
    return evidence.length > 0
      ? fail(
          `${evidence.length} of ${checked} edges have keep-alive timeouts out of order`,
          evidence,
          refs,
        )
      : pass();
  },
});
