import { SnapshotEntity } from '../catalog';
import { MANDATE_ANNOTATIONS } from './mandateAnnotations';
import { readDecimal } from './readDecimal';

/**
 * How the keep-alive timeouts of one `dependsOn` edge compare (rulebook: the caller must drop
 * idle connections strictly before the callee): `unchecked` unless both ends declare one. The
 * keep-alive rule and the request path view both read edges through this.
 *
 * @public
 */
export function keepaliveOrder(
  caller: SnapshotEntity,
  callee: SnapshotEntity,
): 'unchecked' | 'in-order' | 'not-a-number' | 'out-of-order' {
  const key = MANDATE_ANNOTATIONS.keepaliveTimeout;
  const callerValue = caller.annotations[key];
  const calleeValue = callee.annotations[key];
  if (callerValue === undefined || calleeValue === undefined)
    return 'unchecked';
  const callerTimeout = readDecimal(callerValue);
  const calleeTimeout = readDecimal(calleeValue);
  if (callerTimeout === undefined || calleeTimeout === undefined) {
    return 'not-a-number';
  }
  return callerTimeout < calleeTimeout ? 'in-order' : 'out-of-order';
}
