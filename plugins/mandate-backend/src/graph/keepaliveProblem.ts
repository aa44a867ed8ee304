import {
  keepaliveOrder,
  MANDATE_ANNOTATIONS,
  readDecimal,
  SnapshotEntity,
} from '@mandate-dev/plugin-mandate-node';

/**
 * What is wrong with the keep-alive timeouts of one `dependsOn` edge, as the keep-alive rule
 * reads it (`keepaliveOrder`), in words for the request path view. Undefined when the edge is
 * fine or not checked.
 */
export function keepaliveProblem(
  caller: SnapshotEntity,
  callee: SnapshotEntity,
): string | undefined {
  const key = MANDATE_ANNOTATIONS.keepaliveTimeout;
  const order = keepaliveOrder(caller, callee);
  if (order === 'not-a-number') {
    const bad =
      readDecimal(caller.annotations[key]) === undefined ? caller : callee;
    return `the keep-alive timeout of ${bad.name} (${bad.annotations[key]}) is not a number of seconds`;
  }
  if (order !== 'out-of-order') return undefined;
  return `keep-alive ${caller.annotations[
    key
  ]!.trim()} s >= ${callee.annotations[key]!.trim()} s: ${
    caller.name
  } must drop idle connections before ${callee.name} closes them`;
}
