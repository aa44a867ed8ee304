const PERCENT = new Intl.NumberFormat('en-US', { maximumFractionDigits: 4 });

/**
 * A percentage as every Mandate screen shows it: at most four decimals, trailing zeros dropped
 * (99.95%, 99.4005%, 100%). SLOs are written with up to three decimals (99.995), so a composite
 * availability needs one more to be told apart from them; it is cut, never rounded up, so that
 * a chain just short of its target never shows the target itself. (The 1e-6 absorbs the binary
 * error of the scaling: 99.4005 × 10⁴ is 994004.99…)
 */
export function formatPercent(value: number): string {
  return `${PERCENT.format(Math.trunc(value * 1e4 + 1e-6) / 1e4)}%`;
}
