import { parseEntityRef } from '@backstage/catalog-model';

/**
 * The kind of a full ref, given as the default kind of its presentation so that the entity is
 * named without it (`checkout-team`, not `group:checkout-team`); undefined for a string that is
 * not a ref.
 */
export function kindOf(entityRef: string): string | undefined {
  try {
    return parseEntityRef(entityRef).kind;
  } catch {
    return undefined;
  }
}
