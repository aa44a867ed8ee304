import { useCallback, useMemo } from 'react';
import { useAppSearchParams } from '@backstage/frontend-plugin-api';
import { ReportQuery } from '@mandate-dev/plugin-mandate-common';

/** The report filters a URL may carry; the services list reads them all. */
export const REPORT_FILTER_KEYS = [
  'owner',
  'tier',
  'level',
  'system',
  'lifecycle',
  'ruleId',
  'status',
] as const;

export type ReportFilters = Omit<ReportQuery, 'offset' | 'limit'>;

/** Filters kept in the page's query string, so that every view is a link. */
export function useReportFilters(): [
  ReportFilters,
  (key: keyof ReportFilters, value: string | undefined) => void,
] {
  const [params, setParams] = useAppSearchParams();
  const filters = useMemo(() => {
    const result: Record<string, string> = {};
    for (const key of REPORT_FILTER_KEYS) {
      const value = params.get(key);
      if (value) result[key] = value;
    }
    return result as ReportFilters;
  }, [params]);
  const setFilter = useCallback(
    (key: keyof ReportFilters, value: string | undefined) => {
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

/** `?owner=…&tier=…` for a set of filters, without empty values. */
export function toQueryString(
  filters: Record<string, string | undefined>,
): string {
  const params = new URLSearchParams();
  for (const [key, value] of Object.entries(filters)) {
    if (value) params.set(key, value);
  }
  const search = params.toString();
  return search ? `?${search}` : '';
}
