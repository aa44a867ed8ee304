/** A mapping of a parsed YAML/JSON document. */
export type JsonObject = Record<string, unknown>;

/** True for mappings only: arrays and null are not objects in a definition's sense. */
export function isJsonObject(value: unknown): value is JsonObject {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

/**
 * Own enumerable keys without specification extensions: `x-` keys carry vendor data, never
 * paths, operations or responses.
 */
export function keysWithoutExtensions(value: JsonObject): string[] {
  return Object.keys(value).filter(key => !key.startsWith('x-'));
}
