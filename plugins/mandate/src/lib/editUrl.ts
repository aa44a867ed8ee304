import {
  ANNOTATION_EDIT_URL,
  ANNOTATION_LOCATION,
  ANNOTATION_SOURCE_LOCATION,
  Entity,
  parseLocationRef,
} from '@backstage/catalog-model';

function httpUrl(value: string | undefined): string | undefined {
  if (!value) return undefined;
  try {
    const url = new URL(value);
    return url.protocol === 'https:' || url.protocol === 'http:'
      ? url.toString()
      : undefined;
  } catch {
    return undefined;
  }
}

function locationUrl(value: string | undefined): string | undefined {
  if (!value) return undefined;
  try {
    const { type, target } = parseLocationRef(value);
    return type === 'url' ? httpUrl(target) : undefined;
  } catch {
    return undefined;
  }
}

/**
 * Where the entity's definition can be edited: `backstage.io/edit-url`, else its source location
 * (`backstage.io/source-location`, then `backstage.io/managed-by-location`) when that is a URL.
 * A `file:` location has no address a browser could open, so it gives none.
 */
export function editUrl(entity: Entity): string | undefined {
  const annotations = entity.metadata.annotations ?? {};
  return (
    httpUrl(annotations[ANNOTATION_EDIT_URL]) ??
    locationUrl(annotations[ANNOTATION_SOURCE_LOCATION]) ??
    locationUrl(annotations[ANNOTATION_LOCATION])
  );
}
