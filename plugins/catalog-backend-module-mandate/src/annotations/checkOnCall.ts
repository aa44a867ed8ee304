import { stringifyEntityRef } from '@backstage/catalog-model';
import { AnnotationCheck } from './AnnotationCheck';
import { parseAnnotationRef } from './parseAnnotationRef';

/**
 * `mandate.dev/on-call`: a group ref. Whether the group exists and is the owner is the
 * `ownership.on-call` rule's business; the processor only catches what can never be right.
 */
export const checkOnCall: AnnotationCheck = (value, { entity }) => {
  const ref = parseAnnotationRef(value, {
    defaultKind: 'group',
    defaultNamespace: entity.metadata.namespace ?? 'default',
  });
  if (!ref) {
    return ['is not an entity ref'];
  }
  if (ref.kind !== 'group') {
    return [`names ${stringifyEntityRef(ref)}, which is not a group`];
  }
  return [];
};
