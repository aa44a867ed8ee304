/**
 * Response keys compare as strings: an unquoted YAML `404` becomes the key "404". Range
 * wildcards (`4XX`) are matched case-insensitively in every OpenAPI version, since authors write
 * `4xx` too and mean the same thing.
 */

/** A `4XX`/`5XX` response key: 400-599 or a 4XX/5XX wildcard (not `default`). */
export function isErrorStatus(key: string): boolean {
  return /^[45](\d\d|xx)$/i.test(key);
}

/** A response key that answers errors: a 4XX/5XX key or `default`. */
export function isErrorResponseKey(key: string): boolean {
  return key === 'default' || isErrorStatus(key);
}

/** A `2XX` response key: 200-299 or the 2XX wildcard. */
export function isSuccessStatus(key: string): boolean {
  return /^2(\d\d|xx)$/i.test(key);
}
