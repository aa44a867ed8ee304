import express, { RequestHandler } from 'express';
import { InputError } from '@backstage/errors';
import { PayloadTooLargeError } from './PayloadTooLargeError';

/**
 * Parses JSON bodies up to `limit` before the OpenAPI validator sees the request (its own
 * parser then finds the body parsed and stands aside). The validator would turn every parser
 * error into a 400; here a body over the limit answers 413, and a malformed one a 400 whose
 * message does not quote the body back.
 */
export function parseJsonBody(limit: string): RequestHandler {
  const parse = express.json({ limit });
  return (req, res, next) => {
    parse(req, res, (error?: unknown) => {
      if (!error) {
        next();
        return;
      }
      const type = (error as { type?: unknown }).type;
      if (type === 'entity.too.large') {
        next(
          new PayloadTooLargeError(`The request body is larger than ${limit}`),
        );
      } else if (type === 'entity.parse.failed') {
        next(new InputError('The request body is not valid JSON'));
      } else {
        next(
          new InputError(
            `The request body could not be read (${String(type ?? 'unknown')})`,
          ),
        );
      }
    });
  };
}
