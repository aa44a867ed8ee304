/** Splits a comma-separated annotation the way the rules read it: trimmed, empty items dropped. */
export function splitList(value: string): string[] {
  return value
    .split(',')
    .map(item => item.trim())
    .filter(item => item.length > 0);
}
