import {
  CompoundEntityRef,
  makeValidator,
  parseEntityRef,
} from '@backstage/catalog-model';

const validators = makeValidator();

/**
 * Parses an entity ref written in an annotation, lower-cased (refs compare case-insensitively),
 * or returns undefined when it is not a ref at all.
 *
 * `parseEntityRef` alone accepts `a:b:c` (kind `a`, name `b:c`), which can never resolve; the
 * catalog's own name validators reject it here, where the author can still see the typo.
 */
export function parseAnnotationRef(
  value: string,
  context: { defaultKind: string; defaultNamespace: string },
): CompoundEntityRef | undefined {
  let ref: CompoundEntityRef;
  try {
    ref = parseEntityRef(value.trim(), context);
  } catch {
    return undefined;
  }
  const kind = ref.kind.toLocaleLowerCase('en-US');
  const namespace = ref.namespace.toLocaleLowerCase('en-US');
  const name = ref.name.toLocaleLowerCase('en-US');
  if (
    !validators.isValidKind(kind) ||
    !validators.isValidNamespace(namespace) ||
    !validators.isValidEntityName(name)
  ) {
    return undefined;
  }
  return { kind, namespace, name };
}
