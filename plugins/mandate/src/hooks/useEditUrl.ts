import useAsync from 'react-use/esm/useAsync';
import { useApi } from '@backstage/frontend-plugin-api';
import { catalogApiRef, useEntity } from '@backstage/plugin-catalog-react';
import { stringifyEntityRef } from '@backstage/catalog-model';
import { editUrl } from '../lib/editUrl';

/**
 * Where to edit the entity a fix is about: the page's entity, known already, or another one (the
 * team, an API) asked of the catalog. Undefined while loading, when it cannot be found, and when
 * it has no URL source location.
 */
export function useEditUrl(entityRef: string | undefined): string | undefined {
  const { entity } = useEntity();
  const catalogApi = useApi(catalogApiRef);
  const own =
    !entityRef ||
    entityRef.toLocaleLowerCase('en-US') ===
      stringifyEntityRef(entity).toLocaleLowerCase('en-US');
  const other = useAsync(async () => {
    if (own) return undefined;
    try {
      return await catalogApi.getEntityByRef(entityRef!);
    } catch {
      return undefined;
    }
  }, [catalogApi, entityRef, own]);
  if (own) return editUrl(entity);
  return other.value ? editUrl(other.value) : undefined;
}
