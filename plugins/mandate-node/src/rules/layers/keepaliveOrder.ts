import { SnapshotEntity } from '../../catalog';
import {
  keepaliveOrder,
  MANDATE_ANNOTATIONS,
  readDecimal,
} from '../../annotations';
import { defineRule } from '../defineRule';
import type { RuleFix } from '@mandate-dev/plugin-mandate-common';
import { fail, notApplicable, pass } from '../RuleOutcome';
import { annotationsEdit, decisionFix, FixOption, ruleFix } from '../support';

/** Seconds of headroom a proposed timeout keeps from its neighbour's, when there is room. */
const MARGIN = 5;

/** A timeout strictly above `low` and strictly below `high` (either may be open). */
function between(low: number | undefined, high: number | undefined): number {
  if (high === undefined) return Math.floor(low!) + MARGIN;
  if (low === undefined)
    return high > MARGIN ? Math.ceil(high) - MARGIN : high / 2;
  const middle = (low + high) / 2;
  return high - low > 2 ? Math.floor(middle) : Number(middle.toPrecision(12));
}

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
      const order = keepaliveOrder(caller, callee);
      if (order === 'unchecked') continue;
      checked++;
      const edge = `${caller.ref} (${caller.annotations[key]}s) -> ${callee.ref} (${callee.annotations[key]}s)`;
      if (order === 'not-a-number') {
        evidence.push(`${edge}: a timeout is not a number`);
        refs.push(caller.ref, callee.ref);
      } else if (order === 'out-of-order') {
        evidence.push(`${edge}: the caller must time out first`);
        refs.push(caller.ref, callee.ref);
      }
    }
    if (checked === 0) {
      return notApplicable(
        'no dependsOn edge where both ends declare a keep-alive timeout',
      );
    }
    if (evidence.length === 0) return pass();
    return {
      ...fail(
        `${evidence.length} of ${checked} edges have keep-alive timeouts out of order`,
        evidence,
        refs,
      ),
      fix: keepaliveFix(service, edges),
    };
  },
});

/**
 * The service's own timeout moves between its callers' and its callees' when there is room
 * (the caller must drop idle connections first): one annotation, applied as is. When the
 * neighbours leave no room or declare no number, which of them changes is a decision.
 */
function keepaliveFix(
  service: SnapshotEntity,
  edges: [SnapshotEntity, SnapshotEntity][],
): RuleFix {
  const key = MANDATE_ANNOTATIONS.keepaliveTimeout;
  const timeout = (e: SnapshotEntity) => readDecimal(e.annotations[key] ?? '');
  const callers: string[] = [];
  const callees: string[] = [];
  let low: number | undefined;
  let high: number | undefined;
  const unusable: SnapshotEntity[] = [];
  for (const [caller, callee] of edges) {
    const other = caller === service ? callee : caller;
    if (other.annotations[key] === undefined) continue;
    const value = timeout(other);
    if (value === undefined || other === service) {
      unusable.push(other);
    } else if (other === caller) {
      callers.push(`${other.ref} (${value}s)`);
      low = low === undefined ? value : Math.max(low, value);
    } else {
      callees.push(`${other.ref} (${value}s)`);
      high = high === undefined ? value : Math.min(high, value);
    }
  }
  const current = service.annotations[key];
  if (
    unusable.length === 0 &&
    (low === undefined || high === undefined || low < high)
  ) {
    const proposed = between(low, high);
    return ruleFix(
      `Set the keep-alive timeout of ${
        service.ref
      } from ${current}s to ${proposed}s: ${[
        callers.length > 0 ? `above its callers ${callers.join(', ')}` : '',
        callees.length > 0 ? `below its callees ${callees.join(', ')}` : '',
      ]
        .filter(Boolean)
        .join(' and ')}, so that each caller drops idle connections first${
        callers.length > 0 ? ` (or lower the callers below ${current}s)` : ''
      }.`,
      annotationsEdit({ [key]: String(proposed) }),
    );
  }
  const own = timeout(service);
  const options: FixOption[] = [];
  if (own !== undefined) {
    for (const [caller, callee] of edges) {
      if (caller === callee) continue;
      const [c, d] = [timeout(caller), timeout(callee)];
      if (
        caller.annotations[key] === undefined ||
        callee.annotations[key] === undefined
      )
        continue;
      if (c !== undefined && d !== undefined && c < d) continue;
      const other = caller === service ? callee : caller;
      const value =
        other === caller ? between(undefined, own) : between(own, undefined);
      options.push({
        comment: `in ${other.ref}: ${value}s, ${
          other === caller ? 'below' : 'above'
        } ${own}s of ${service.ref}`,
        edit: annotationsEdit({ [key]: String(value) }),
      });
    }
  }
  return decisionFix(
    `Decide which keep-alive timeouts change along the request path of ${
      service.ref
    } (${current}s): ${
      unusable.length > 0
        ? `${unusable
            .map(e => `${e.ref} (${JSON.stringify(e.annotations[key])})`)
            .join(', ')} must declare a number of seconds`
        : `its callers ${callers.join(
            ', ',
          )} do not all time out before its callees ${callees.join(', ')}`
    }; each caller must drop idle connections before its callee.`,
    options,
  );
}
