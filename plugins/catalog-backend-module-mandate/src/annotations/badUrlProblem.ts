/**
 * The problem in a `bad-url` reason of mandate-node's `readUrl`, phrased to follow
 * `<annotation> "<value>"`. The engine's reason starts with the (trimmed) value, e.g.
 * `ftp://x is not an http(s) URL`, because a rule result stands alone; our messages already
 * show the value, so it is cut off rather than repeated.
 */
export function badUrlProblem(reason: string, value: string): string {
  const shown = `${value.trim()} `;
  return reason.startsWith(shown) ? reason.slice(shown.length) : reason;
}
