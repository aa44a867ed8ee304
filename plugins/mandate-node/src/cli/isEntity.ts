import { Entity } from '@backstage/catalog-model';

/** A document is an entity when it has apiVersion, a string kind and a string metadata.name. */
export function isEntity(data: unknown): data is Entity {
  if (!data || typeof data !== 'object') return false;
  const d = data as Record<string, any>;
  return (
    d.apiVersion !== undefined &&
    d.apiVersion !== null &&
    typeof d.kind === 'string' &&
    !!d.metadata &&
    typeof d.metadata === 'object' &&
    typeof d.metadata.name === 'string'
  );
}
