import { isJsonObject, JsonObject } from './jsonValues';
import { valueAt } from './valueAt';
import { LocalRefResolver } from './LocalRefResolver';

/**
 * Pieces of a definition document a fix is made of: the JSON pointer of a place, the fragment
 * that sets a value there, and the merge of fragments (as a fix snippet is applied: mappings
 * merge, lists and scalars replace).
 */

/** The JSON pointer (RFC 6901) of keys from the document root: `['paths', '/a']` is `/paths/~1a`. */
export function jsonPointer(tokens: readonly string[]): string {
  return tokens
    .map(token => `/${token.replace(/~/g, '~0').replace(/\//g, '~1')}`)
    .join('');
}

/** The fragment that sets `value` at `tokens`: `['info', 'version']` gives `{info: {version}}`. */
export function fragmentAt(tokens: readonly string[], value: unknown): unknown {
  return tokens.reduceRight<unknown>((inner, key) => ({ [key]: inner }), value);
}

/** Deep merge: mappings merge, lists and scalars of later fragments replace. */
export function mergeFragments(...fragments: unknown[]): unknown {
  return fragments.reduce<unknown>((merged, fragment) => {
    if (!isJsonObject(merged) || !isJsonObject(fragment)) return fragment;
    const result: JsonObject = { ...merged };
    for (const [key, value] of Object.entries(fragment)) {
      result[key] = Object.prototype.hasOwnProperty.call(merged, key)
        ? mergeFragments(merged[key], value)
        : value;
    }
    return result;
  }, undefined);
}

/**
 * Where the value at `tokens` really is: a local `$ref` chain is followed to its target, so that
 * a fix edits the shared response (or path item) rather than putting fields next to a `$ref`,
 * where they would be ignored. Stops at the last place that resolves.
 */
export function locationOf(
  root: unknown,
  tokens: readonly string[],
): readonly string[] {
  let location = tokens;
  const seen = new Set<string>();
  for (;;) {
    const ref = LocalRefResolver.refOf(valueAt(root, location));
    const target = ref === undefined ? undefined : refTokens(ref);
    if (!ref || !target || seen.has(ref) || valueAt(root, target) === undefined)
      return location;
    seen.add(ref);
    location = target;
  }
}

function refTokens(ref: string): string[] | undefined {
  return LocalRefResolver.pointerTokens(ref);
}
