/** Refs sort by their lower-case full form in code-point order, so reports are stable. @public */
export function compareRefs(a: string, b: string): number {
  if (a < b) return -1;
  return a > b ? 1 : 0;
}
