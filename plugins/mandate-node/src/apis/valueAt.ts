import { isJsonObject } from './jsonValues';

/** The value at `tokens` in the raw document (own keys only), undefined when absent. */
export function valueAt(root: unknown, tokens: readonly string[]): unknown {
  let current = root;
  for (const token of tokens) {
    if (Array.isArray(current) && /^(0|[1-9]\d*)$/.test(token)) {
      current = current[Number(token)];
    } else if (
      isJsonObject(current) &&
      Object.prototype.hasOwnProperty.call(current, token)
    ) {
      current = current[token];
    } else {
      return undefined;
    }
  }
  return current;
}
