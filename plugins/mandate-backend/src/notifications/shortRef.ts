import { parseEntityRef } from '@backstage/catalog-model';

/** `orders` for `component:default/orders`, `checkout-team` for a group: what people call them. */
export function shortRef(ref: string): string {
  try {
    const { namespace, name } = parseEntityRef(ref);
    return namespace === 'default' ? name : `${namespace}/${name}`;
  } catch {
    return ref;
  }
}
