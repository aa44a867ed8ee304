import useAsync from 'react-use/esm/useAsync';
import { useApi } from '@backstage/frontend-plugin-api';
import { catalogApiRef } from '@backstage/plugin-catalog-react';
import { parseEntityRef, stringifyEntityRef } from '@backstage/catalog-model';

function toFullRef(value: string, defaultKind: string): string {
  try {
    return stringifyEntityRef(
      parseEntityRef(value, { defaultKind, defaultNamespace: 'default' }),
    ).toLocaleLowerCase('en-US');
  } catch {
    return value;
  }
}

/** The catalog's systems and lifecycles of services, for the filter choices. */
export function useServiceFacets() {
  const catalogApi = useApi(catalogApiRef);
  return useAsync(async () => {
    try {
      const { facets } = await catalogApi.getEntityFacets({
        filter: { kind: 'Component', 'spec.type': 'service' },
        facets: ['spec.system', 'spec.lifecycle'],
      });
      const values = (facet: string) =>
        (facets[facet] ?? []).map(f => f.value).sort();
      return {
        systems: [
          ...new Set(values('spec.system').map(v => toFullRef(v, 'system'))),
        ],
        lifecycles: values('spec.lifecycle'),
      };
    } catch {
      return { systems: [], lifecycles: [] };
    }
  }, [catalogApi]);
}
