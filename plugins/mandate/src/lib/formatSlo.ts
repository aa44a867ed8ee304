import { formatPercent } from '@mandate-dev/plugin-mandate-common';

/** An SLO as the UI shows it. */
export function formatSlo(slo: number | null): string {
  return slo === null ? 'no SLO' : formatPercent(slo);
}
