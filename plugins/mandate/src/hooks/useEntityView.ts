import useAsync from 'react-use/esm/useAsync';
import { useApi } from '@backstage/frontend-plugin-api';
import { useEntity } from '@backstage/plugin-catalog-react';
import { stringifyEntityRef } from '@backstage/catalog-model';
import { ResponseError } from '@backstage/errors';
import { MandateApi, mandateApiRef } from '../api';

/**
 * Loads a Mandate view of the current entity. A 404 (not a service, not evaluated yet, or not
 * readable) is an empty view, `{ view: undefined }`, for the page to explain; any other error
 * is the page's error.
 */
export function useEntityView<T>(
  load: (api: MandateApi, entityRef: string) => Promise<T>,
) {
  const { entity } = useEntity();
  const entityRef = stringifyEntityRef(entity).toLocaleLowerCase('en-US');
  const api = useApi(mandateApiRef);
  return useAsync(async () => {
    try {
      return { view: await load(api, entityRef) };
    } catch (e) {
      if ((e as Partial<ResponseError>)?.statusCode === 404) {
        return { view: undefined };
      }
      throw e;
    }
    // `load` is a module-level function of each page: the entity and the client decide.
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, [api, entityRef]);
}
