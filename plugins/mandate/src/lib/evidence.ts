/** A piece of an evidence string: plain text, or an entity ref the UI can link to. */
export type EvidencePart =
  | { type: 'text'; text: string }
  | { type: 'ref'; text: string; ref: string };

// Full refs as the rulebook prints them: `kind:namespace/name`, lower-case, e.g.
// `component:default/orders`. A name never ends with a dot, so "… orders." keeps its full stop.
const ENTITY_REF =
  /\b(component|api|group|user|resource|system|domain|location|template):([a-z0-9](?:[a-z0-9._-]*[a-z0-9])?)\/([a-z0-9](?:[a-z0-9._-]*[a-z0-9])?)/gi;

export function splitEvidence(text: string): EvidencePart[] {
  const parts: EvidencePart[] = [];
  let last = 0;
  for (const match of text.matchAll(ENTITY_REF)) {
    const index = match.index ?? 0;
    if (index > last) {
      parts.push({ type: 'text', text: text.slice(last, index) });
    }
    parts.push({ type: 'ref', text: match[0], ref: match[0].toLowerCase() });
    last = index + match[0].length;
  }
  if (last < text.length) {
    parts.push({ type: 'text', text: text.slice(last) });
  }
  return parts;
}
