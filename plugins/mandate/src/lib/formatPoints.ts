const POINTS = new Intl.NumberFormat('en-US', { maximumFractionDigits: 1 });

/**
 * A score or a change of score (points out of 100): a mean of several services may carry many
 * decimals, shown with at most one. `signed` puts a + before a positive change.
 */
export function formatPoints(value: number, options?: { signed?: boolean }) {
  const text = POINTS.format(value);
  return options?.signed && value > 0 ? `+${text}` : text;
}
