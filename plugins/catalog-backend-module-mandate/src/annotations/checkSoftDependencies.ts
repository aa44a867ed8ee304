import { stringifyEntityRef } from '@backstage/catalog-model';
import { AnnotationCheck } from './AnnotationCheck';
import { parseAnnotationRef } from './parseAnnotationRef';
import { splitList } from './splitList';

/**
 * `mandate.dev/soft-dependencies`: comma-separated refs (default kind component), each naming
 * a dependency the entity declares.
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
    const ref = parseAnnotationRef(item, {
      defaultKind: 'component',
      defaultNamespace,
    });
    if (!ref) {
      problems.push(`contains "${item}", which is not an entity ref`);
      continue;
    }
    const text = stringifyEntityRef(ref);
    if (ref.kind === 'api') {
      if (!consumesApis.has(text)) {
        problems.push(`names ${text}, which is not in spec.consumesApis`);
      }
    } else if (!dependsOn.has(text) && consumesApis.size === 0) {
      problems.push(
        `names ${text}, which is not in spec.dependsOn (and the entity consumes no API it could provide)`,
      );
    }
  }
  return problems;
};

/** The normalised refs of a spec list field; a scalar counts as a one-element list. */
function specRefs(
  field: unknown,
  defaultKind: string,
  defaultNamespace: string,
): Set<string> {
  const items = Array.isArray(field) ? field : [field];
  const refs = new Set<string>();
  for (const item of items) {
    if (typeof item !== 'string') continue;
    const ref = parseAnnotationRef(item, { defaultKind, defaultNamespace });
    if (ref) refs.add(stringifyEntityRef(ref));
  }
  return refs;
}
