/** The first line of a parser's error: enough for evidence, without multi-line code frames. */
export function firstLineOf(error: unknown): string {
  return String(error instanceof Error ? error.message : error).split('\n')[0];
}
