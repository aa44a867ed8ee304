/**
 * A percentage as Mandate writes it everywhere: in every rule message, evidence and fix, in the
 * CLI and on every screen, so that one number always reads the same:
 * - a value with at most six decimals, such as a declared SLO (99.95, 99.80011), exactly as it is,
 *   so that a target is never shown as something it is not;
 * - a computed value with more (a composite SLO such as 99.850049999…) cut to four decimals,
 *   never rounded up, so that a chain just short of its target never prints a value at or above
 *   that target and looks passing. (The 1e-6 absorbs the binary error of the scaling: 99.4005 ×
 *   10⁴ is 994004.99…)
 * Trailing zeros are dropped: 99.5%, 100%.
 *
 * @public
 */
export function formatPercent(value: number): string {
  const exact = Number(value.toFixed(6)) === value;
  return `${exact ? value : Math.trunc(value * 1e4 + 1e-6) / 1e4}%`;
}
