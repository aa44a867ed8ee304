import { RequestHandler } from 'express';
import { InputError } from '@backstage/errors';

/**
 * Refuses NUL characters anywhere in the path, the query or the JSON body with a 400. No
 * entity ref, rule id or reason contains one, and PostgreSQL refuses them in text, which would
 * otherwise surface as a 500 from deep inside a query. `%00` is the only spelling of NUL in a
 * URL that reaches us (Node refuses a raw one).
 */
export function rejectNulCharacters(): RequestHandler {
  return (req, _res, next) => {
    if (req.url.includes('%00')) {
      next(new InputError('The request URL contains a NUL character (%00)'));
    } else if (containsNul(req.body)) {
      next(new InputError('The request body contains a NUL character'));
    } else {
      next();
    }
  };
}

function containsNul(value: unknown, depth = 0): boolean {
  if (typeof value === 'string') return value.includes('\u0000');
  if (depth > 32 || value === null || typeof value !== 'object') return false;
  if (Array.isArray(value))
    return value.some(item => containsNul(item, depth + 1));
  return Object.entries(value).some(
    ([key, item]) => key.includes('\u0000') || containsNul(item, depth + 1),
  );
}
