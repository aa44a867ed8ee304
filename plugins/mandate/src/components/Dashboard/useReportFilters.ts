import { useCallback, useMemo } from 'react';
import { useAppSearchParams } from '@backstage/frontend-plugin-api';
import {
  LEVELS,
  ReportQuery,
  RULE_STATUSES,
  TIERS,
} from '@mandate-dev/plugin-mandate-common';

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

/** A filter of the URL the server would refuse (400), with the values it accepts. */
export interface InvalidFilter {
  key: keyof ReportFilters;
  value: string;
  allowed: readonly string[];
}

/** The filters whose values the API enumerates (src/schema/openapi.yaml of the backend). */
const ALLOWED: Partial<Record<keyof ReportFilters, readonly string[]>> = {
  tier: [...TIERS, 'none'],
  level: LEVELS,
  status: RULE_STATUSES,
};

/**
 * Filters kept in the page's query string, so that every view is a link. A value the API does
 * not accept (a hand-edited `?tier=urgent`) is left out of the filters and reported in
 * `invalid`, so that the page explains it instead of showing the server's 400.
 */
export function useReportFilters(): [
  ReportFilters,
  (key: keyof ReportFilters, value: string | undefined) => void,
  InvalidFilter[],
  (keys: readonly (keyof ReportFilters)[]) => void,
] {
  const [params, setParams] = useAppSearchParams();
  const [filters, invalid] = useMemo(() => {
    const result: Record<string, string> = {};
    const rejected: InvalidFilter[] = [];
    for (const key of REPORT_FILTER_KEYS) {
      const value = params.get(key);
      if (!value) continue;
      const allowed = ALLOWED[key];
      if (allowed && !allowed.includes(value)) {
        rejected.push({ key, value, allowed });
      } else {
        result[key] = value;
      }
    }
    return [result as ReportFilters, rejected];
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
  // Several keys in one update: functional updates of the search params do not compose.
  const clearFilters = useCallback(
    (keys: readonly (keyof ReportFilters)[]) => {
      setParams(previous => {
        const next = new URLSearchParams(previous);
        for (const key of keys) next.delete(key);
        return next;
      });
    },
    [setParams],
  );
  return [filters, setFilter, invalid, clearFilters];
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
