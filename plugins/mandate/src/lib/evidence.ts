/** A piece of an evidence string: plain text, or an entity ref the UI can link to. */
export type EvidencePart =
  | { type: 'text'; text: string }
  | { type: 'ref'; text: string; ref: string };

/**
 * Splits a message or evidence string at the entity refs the engine says it names (the result's
 * `refs`): plain substring search, the earliest occurrence first and, at one position, the longest
 * ref, so that `component:default/orders-api` is not cut at `orders`. Text that merely looks like
 * a ref stays text.
 */
export function splitEvidence(
  text: string,
  refs: readonly string[] = [],
): EvidencePart[] {
  const candidates = [...new Set(refs)]
    .filter(ref => ref.length > 0)
    .sort((a, b) => b.length - a.length);
  const parts: EvidencePart[] = [];
  let last = 0;
  for (;;) {
    let found: { index: number; ref: string } | undefined;
    for (const ref of candidates) {
      const index = text.indexOf(ref, last);
      if (index >= 0 && (!found || index < found.index)) {
        found = { index, ref };
      }
    }
    if (!found) break;
    if (found.index > last) {
      parts.push({ type: 'text', text: text.slice(last, found.index) });
    }
    parts.push({ type: 'ref', text: found.ref, ref: found.ref });
    last = found.index + found.ref.length;
  }
  if (last < text.length) {
    parts.push({ type: 'text', text: text.slice(last) });
  }
  return parts;
}
