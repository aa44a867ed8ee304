import { useCallback, useMemo } from 'react';
import { useAppSearchParams } from '@backstage/frontend-plugin-api';
import { WaiverStateFilter } from '@mandate-dev/plugin-mandate-common';

/** The state filter's choices, in the order a reviewer works through them. */
export const WAIVER_STATE_FILTERS: { id: WaiverStateFilter; label: string }[] =
  [
    { id: 'requested', label: 'Requested' },
    { id: 'active', label: 'Active' },
    { id: 'expiring', label: 'Expiring within 14 days' },
    { id: 'expired', label: 'Expired' },
    { id: 'revoked', label: 'Revoked' },
    { id: 'denied', label: 'Denied' },
  ];

export interface WaiverFilters {
  state?: WaiverStateFilter;
  owner?: string;
  ruleId?: string;
}

/**
 * The waivers page's filters, kept in its query string so that every view is a link (e.g.
 * `?state=requested` for the requests to decide). A state the API would refuse is ignored.
 */
export function useWaiverFilters(): [
  WaiverFilters,
  (key: keyof WaiverFilters, value: string | undefined) => void,
] {
  const [params, setParams] = useAppSearchParams();
  const filters = useMemo(() => {
    const state = params.get('state') ?? undefined;
    return {
      state: WAIVER_STATE_FILTERS.some(option => option.id === state)
        ? (state as WaiverStateFilter)
        : undefined,
      owner: params.get('owner') || undefined,
      ruleId: params.get('ruleId') || undefined,
    };
  }, [params]);
  const setFilter = useCallback(
    (key: keyof WaiverFilters, value: string | undefined) => {
      setParams(previous => {
        const next = new URLSearchParams(previous);
        if (value) next.set(key, value);
        else next.delete(key);
        return next;
      });
    },
    [setParams],
  );
  return [filters, setFilter];
}
