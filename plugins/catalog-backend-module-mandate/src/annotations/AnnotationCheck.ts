import { Entity } from '@backstage/catalog-model';

/** What a check may know besides the value: the entity (refs, spec) and the configured limits. @public */
export interface AnnotationCheckContext {
  entity: Entity;
  /**
   * Upper bound of `mandate.dev/key-metrics`, the key-metrics rule's `maxMetrics` option;
   * undefined when that rule is disabled, so that no bound applies.
   */
  maxMetrics: number | undefined;
}

/**
 * Checks one annotation value (never empty: the processor reports empty values itself) and
 * returns what is wrong with it, each problem phrased to follow `<annotation> "<value>"`, e.g.
 * `is not a number between 0 and 100`. An empty list means the value is fine.
 *
 * @public
 */
export type AnnotationCheck = (
  value: string,
  context: AnnotationCheckContext,
) => string[];
