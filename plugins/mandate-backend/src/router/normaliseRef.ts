import { InputError } from '@backstage/errors';
import { CatalogSnapshot } from '@mandate-dev/plugin-mandate-node';

/**
 * Refs are stored as full lower-case refs (the report format); a short ref from a client takes
 * the field's default kind and the default namespace.
 */
export function normaliseRef(ref: string, defaultKind = 'component'): string {
  const normalised = CatalogSnapshot.normalizeRef(ref.trim(), defaultKind);
  if (!normalised)
    throw new InputError(`${JSON.stringify(ref)} is not an entity ref`);
  return normalised;
}
