/**
 * The candidate nearest to `name` when it is close enough to be a typo, else undefined.
 * Distances are measured between the parts after `prefix` (the shared `mandate.dev/` would
 * make everything look close), allowing one edit per three characters, at least 1, at most 3,
 * with a swap of two neighbours counting as one edit (`teir`).
 */
export function closestName(
  name: string,
  candidates: readonly string[],
  prefix: string,
): string | undefined {
  const suffix = name.slice(prefix.length);
  const limit = Math.max(1, Math.min(3, Math.floor(suffix.length / 3)));
  let best: { candidate: string; distance: number } | undefined;
  for (const candidate of candidates) {
    const distance = editDistance(suffix, candidate.slice(prefix.length));
    if (distance <= limit && (!best || distance < best.distance)) {
      best = { candidate, distance };
    }
  }
  return best?.candidate;
}

/** Optimal string alignment distance: Levenshtein plus transpositions of neighbours. */
function editDistance(a: string, b: string): number {
  // d[i][j]: distance between the first i characters of a and the first j of b.
  const d = Array.from({ length: a.length + 1 }, () =>
    new Array<number>(b.length + 1).fill(0),
  );
  for (let i = 0; i <= a.length; i++) d[i][0] = i;
  for (let j = 0; j <= b.length; j++) d[0][j] = j;
  for (let i = 1; i <= a.length; i++) {
    for (let j = 1; j <= b.length; j++) {
      const cost = a[i - 1] === b[j - 1] ? 0 : 1;
      d[i][j] = Math.min(
        d[i - 1][j] + 1,
        d[i][j - 1] + 1,
        d[i - 1][j - 1] + cost,
      );
      if (i > 1 && j > 1 && a[i - 1] === b[j - 2] && a[i - 2] === b[j - 1]) {
        d[i][j] = Math.min(d[i][j], d[i - 2][j - 2] + 1);
      }
    }
  }
  return d[a.length][b.length];
}
