import { parseRef, splitList, toList } from '@mandate-dev/plugin-mandate-node';
import { AnnotationCheck } from './AnnotationCheck';

/**
 * `mandate.dev/soft-dependencies`: comma-separated refs (default kind component), each naming
 * a dependency the entity declares. Items and spec fields are read with the engine's
 * `splitList`, `toList` and `parseRef`, with the defaults the engine uses for each.
 *
 * Without the catalog the subset check can only be partial: an API must be one of
 * `spec.consumesApis`; any other ref must be one of `spec.dependsOn`, unless the entity
 * consumes APIs, because the rulebook also lets it name the service that provides a consumed
 * API (storefront lists `component:recommendations` while it consumes `recommendations-api`),
 * and only the catalog knows who provides what. The rule engine sees the whole graph and
 * ignores soft refs that match no edge.
 */
export const checkSoftDependencies: AnnotationCheck = (value, { entity }) => {
  const defaultNamespace = entity.metadata.namespace ?? 'default';
  const dependsOn = specRefs(
    entity.spec?.dependsOn,
    'component',
    defaultNamespace,
  );
  const consumesApis = specRefs(
    entity.spec?.consumesApis,
    'api',
    defaultNamespace,
  );

  const problems: string[] = [];
  for (const item of splitList(value)) {
    const ref = parseRef(item, { defaultKind: 'component', defaultNamespace });
    if (!ref) {
      problems.push(`contains "${item}", which is not an entity ref`);
      continue;
    }
    // A normalised ref is `kind:namespace/name`, lower case, with no other ':'.
    if (ref.startsWith('api:')) {
      if (!consumesApis.has(ref)) {
        problems.push(`names ${ref}, which is not in spec.consumesApis`);
      }
    } else if (!dependsOn.has(ref) && consumesApis.size === 0) {
      problems.push(
        `names ${ref}, which is not in spec.dependsOn (and the entity consumes no API it could provide)`,
      );
    }
  }
  return problems;
};

/** The normalised refs of a spec list field; items that are not refs are left out. */
function specRefs(
  field: unknown,
  defaultKind: string,
  defaultNamespace: string,
): Set<string> {
  const refs = new Set<string>();
  for (const item of toList(field)) {
    const ref = parseRef(item, { defaultKind, defaultNamespace });
    if (ref) refs.add(ref);
  }
  return refs;
}
