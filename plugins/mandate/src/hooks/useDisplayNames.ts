import useAsync from 'react-use/esm/useAsync';
import { useApiHolder } from '@backstage/frontend-plugin-api';
import {
  defaultEntityPresentation,
  entityPresentationApiRef,
} from '@backstage/plugin-catalog-react';

/**
 * The display names of entity refs (the entity presentation API, as Backstage shows entities),
 * for places that need text rather than a component, such as the options of a select. Until
 * the API answers, and without one, the names Backstage derives from the refs themselves.
 */
export function useDisplayNames(
  refs: string[],
  defaultKind: string,
): Map<string, string> {
  const presentation = useApiHolder().get(entityPresentationApiRef);
  const key = JSON.stringify([refs, defaultKind]);
  const fallback = new Map(
    refs.map(ref => [
      ref,
      defaultEntityPresentation(ref, { defaultKind }).primaryTitle,
    ]),
  );
  const resolved = useAsync(async () => {
    if (!presentation) return undefined;
    const names = await Promise.all(
      refs.map(async ref => {
        const { snapshot, promise } = presentation.forEntity(ref, {
          defaultKind,
        });
        return [ref, (await promise)?.primaryTitle ?? snapshot.primaryTitle];
      }),
    );
    return new Map(names as [string, string][]);
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, [presentation, key]);
  return resolved.value ?? fallback;
}
