import { RequestPathLayer } from '@mandate-dev/plugin-mandate-common';
import { SnapshotEntity } from '@mandate-dev/plugin-mandate-node';

/**
 * Which layer of the request path an entity belongs to (rulebook section 1), or undefined when
 * it is none of them (a library, a website, a queue): such entities are not hops of the path.
 * A service type wins over the access-layer types, as the service graph counts it as a service.
 */
export function layerOf(
  entity: SnapshotEntity,
  serviceTypes: readonly string[],
): RequestPathLayer | undefined {
  const type = entity.type;
  if (type === undefined) return undefined;
  if (entity.kind === 'component') {
    if (serviceTypes.includes(type)) return 'service';
    return type === 'gateway' ? 'access' : undefined;
  }
  if (entity.kind !== 'resource') return undefined;
  if (type === 'load-balancer' || type === 'cdn') return 'access';
  if (type === 'database') return 'data';
  return type === 'database-cluster' ? 'infrastructure' : undefined;
}
