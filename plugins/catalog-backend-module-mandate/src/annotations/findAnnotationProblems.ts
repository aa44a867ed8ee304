import { Entity, stringifyEntityRef } from '@backstage/catalog-model';
import { AnnotationCheckContext } from './AnnotationCheck';
import { closestName } from './closestName';
import {
  MANDATE_ANNOTATION_PREFIX,
  mandateAnnotationChecks,
} from './mandateAnnotationChecks';

/**
 * Every problem with the entity's `mandate.dev/` annotations, one message each, naming the
 * entity and the annotation so that it can be read out of context (a log line, a list of
 * errors), e.g. `component:default/orders: mandate.dev/slo "99.9%" is not a number between 0
 * and 100`.
 *
 * @public
 */
export function findAnnotationProblems(
  entity: Entity,
  limits: Omit<AnnotationCheckContext, 'entity'>,
): string[] {
  const entityRef = stringifyEntityRef(entity);
  const context: AnnotationCheckContext = { ...limits, entity };
  const known = Object.keys(mandateAnnotationChecks);
  const problems: string[] = [];

  for (const [name, value] of Object.entries(
    entity.metadata.annotations ?? {},
  )) {
    if (!name.startsWith(MANDATE_ANNOTATION_PREFIX)) continue;
    const check = mandateAnnotationChecks[name];
    if (!check) {
      const suggestion = closestName(name, known, MANDATE_ANNOTATION_PREFIX);
      problems.push(
        `${entityRef}: ${name} is not a Mandate annotation${
          suggestion ? `; did you mean ${suggestion}?` : ' (a typo?)'
        }`,
      );
      continue;
    }
    const shown = `${entityRef}: ${name} ${JSON.stringify(value)}`;
    // The rules read an empty value as "not set"; saying so beats a silent "missing" later.
    if (typeof value !== 'string' || value.trim() === '') {
      problems.push(`${shown} is empty, so it counts as not set`);
      continue;
    }
    for (const problem of check(value, context)) {
      problems.push(`${shown} ${problem}`);
    }
  }
  return problems;
}
