import { parseRef } from '@mandate-dev/plugin-mandate-node';
import { AnnotationCheck } from './AnnotationCheck';

/**
 * `mandate.dev/on-call`: a group ref, read with the engine's `parseRef` and the defaults the
 * engine uses for this annotation (kind group, the entity's namespace). Whether the group
 * exists and is the owner is the on-call rule's business; the processor only
 * catches what can never be right.
 */
export const checkOnCall: AnnotationCheck = (value, { entity }) => {
  const ref = parseRef(value, {
    defaultKind: 'group',
    defaultNamespace: entity.metadata.namespace ?? 'default',
  });
  if (!ref) {
    return ['is not an entity ref'];
  }
  // A normalised ref is `kind:namespace/name`, lower case, with no other ':'.
  if (!ref.startsWith('group:')) {
    return [`names ${ref}, which is not a group`];
  }
  return [];
};
