/**
 * A plain decimal number (`99.95`, `30`), surrounding whitespace allowed; undefined for
 * anything else, including `99.9%`, `1e2`, `0x10` and the empty string that `Number()` would
 * happily read as 0.
 *
 * @public
 */
export function readDecimal(value: string | undefined): number | undefined {
  if (value === undefined) return undefined;
  const text = value.trim();
  return /^\d+(\.\d+)?$/.test(text) ? Number(text) : undefined;
}
