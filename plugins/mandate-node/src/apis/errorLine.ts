/**
 * The 1-based line a parser's error names: the yaml package's `linePos`, GraphQL's
 * `locations`, or "line N" in the message (protobufjs); undefined when it names none.
 */
export function errorLine(e: unknown): number | undefined {
  const error = e as {
    linePos?: Array<{ line?: unknown }>;
    locations?: Array<{ line?: unknown }>;
    message?: unknown;
  } | null;
  const line =
    (Array.isArray(error?.linePos) ? error?.linePos[0]?.line : undefined) ??
    (Array.isArray(error?.locations) ? error?.locations[0]?.line : undefined) ??
    (typeof error?.message === 'string'
      ? Number(/\bline (\d+)/i.exec(error.message)?.[1])
      : undefined);
  return typeof line === 'number' && Number.isInteger(line) && line > 0
    ? line
    : undefined;
}
