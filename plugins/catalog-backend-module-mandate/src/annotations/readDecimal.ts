/**
 * A plain decimal number (`99.95`, `30`), surrounding whitespace allowed; undefined for anything
 * else. `Number()` alone would accept `1e2`, `0x10`, ` ` (as 0) and `Infinity`, which the
 * rulebook does not, and it is `99.9%` that people actually write.
 */
export function readDecimal(value: string): number | undefined {
  const text = value.trim();
  return /^\d+(\.\d+)?$/.test(text) ? Number(text) : undefined;
}
