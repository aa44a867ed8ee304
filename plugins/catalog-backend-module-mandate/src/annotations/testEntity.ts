import { Entity } from '@backstage/catalog-model';
import { AnnotationCheckContext } from './AnnotationCheck';

/** A Component for the check tests; `spec` and `kind` overridable. */
export function testEntity(overrides: Partial<Entity> = {}): Entity {
  return {
    apiVersion: 'backstage.io/v1alpha1',
    kind: 'Component',
    metadata: { name: 'orders', namespace: 'default' },
    spec: { type: 'service', owner: 'group:checkout-team' },
    ...overrides,
  };
}

/** A check context around {@link testEntity}, by default with the rulebook's bound of 7. */
export function testContext(
  overrides: Partial<Entity> = {},
  limits: Omit<AnnotationCheckContext, 'entity'> = { maxMetrics: 7 },
): AnnotationCheckContext {
  return { ...limits, entity: testEntity(overrides) };
}
