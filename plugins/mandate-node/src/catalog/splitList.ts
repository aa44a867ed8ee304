/** Splits a comma-separated annotation: items trimmed, empty items dropped. @public */
export function splitList(value: string | undefined): string[] {
  if (value === undefined) return [];
  return value
    .split(',')
    .map(item => item.trim())
    .filter(item => item.length > 0);
}
