/** A message cut to `max` characters: a backend error may carry a whole SQL statement. */
export function truncate(text: string, max = 300): string {
  return text.length > max ? `${text.slice(0, max - 1)}…` : text;
}
