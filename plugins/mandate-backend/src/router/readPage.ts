import { InputError } from '@backstage/errors';

export const DEFAULT_PAGE_SIZE = 50;
export const MAX_PAGE_SIZE = 500;
/** Far beyond any catalog, and well inside what SQLite and PostgreSQL take as an OFFSET. */
export const MAX_OFFSET = 1_000_000;

/**
 * `offset` and `limit` of a paged request. The OpenAPI document bounds them too; this does
 * not rely on the validator's coercion of query strings: anything but a plain integer in range
 * is a 400, never a number handed to the database.
 */
export function readPage(query: { offset?: unknown; limit?: unknown }): {
  offset: number;
  limit: number;
} {
  return {
    offset: integerParam('offset', query.offset, 0, 0, MAX_OFFSET),
    limit: integerParam(
      'limit',
      query.limit,
      DEFAULT_PAGE_SIZE,
      1,
      MAX_PAGE_SIZE,
    ),
  };
}

function integerParam(
  name: string,
  raw: unknown,
  fallback: number,
  min: number,
  max: number,
) {
  if (raw === undefined) return fallback;
  const text = String(raw);
  const value = /^\d{1,16}$/.test(text) ? Number(text) : NaN;
  if (!(value >= min && value <= max)) {
    throw new InputError(`${name} must be an integer from ${min} to ${max}`);
  }
  return value;
}
