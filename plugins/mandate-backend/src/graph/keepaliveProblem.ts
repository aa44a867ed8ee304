import {
  MANDATE_ANNOTATIONS,
  readDecimal,
  SnapshotEntity,
} from '@mandate-dev/plugin-mandate-node';

/**
 * What is wrong with the keep-alive timeouts of one `dependsOn` edge, read as
 * layers.keepalive-order reads it: when both ends declare a timeout, the caller's must be a
 * number strictly lower than the callee's. Undefined when the edge is fine or not checked.
 */
export function keepaliveProblem(
  caller: SnapshotEntity,
  callee: SnapshotEntity,
): string | undefined {
  const key = MANDATE_ANNOTATIONS.keepaliveTimeout;
  const callerValue = caller.annotations[key];
  const calleeValue = callee.annotations[key];
  if (callerValue === undefined || calleeValue === undefined) return undefined;
  const callerTimeout = readDecimal(callerValue);
  const calleeTimeout = readDecimal(calleeValue);
  if (callerTimeout === undefined || calleeTimeout === undefined) {
    const bad = callerTimeout === undefined ? caller : callee;
    return `the keep-alive timeout of ${bad.name} (${bad.annotations[key]}) is not a number of seconds`;
  }
  if (callerTimeout < calleeTimeout) return undefined;
  return `keep-alive ${callerValue.trim()} s >= ${calleeValue.trim()} s: ${
    caller.name
  } must drop idle connections before ${callee.name} closes them`;
}
