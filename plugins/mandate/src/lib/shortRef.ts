import { parseEntityRef } from '@backstage/catalog-model';

/** How a ref reads in the UI: `orders`, or `group:checkout-team` for other kinds. */
export function shortRef(ref: string, defaultKind = 'component'): string {
  try {
    const { kind, namespace, name } = parseEntityRef(ref);
    const ns = namespace === 'default' ? '' : `${namespace}/`;
    return kind.toLowerCase() === defaultKind
      ? `${ns}${name}`
      : `${kind.toLowerCase()}:${ns}${name}`;
  } catch {
    return ref;
  }
}
