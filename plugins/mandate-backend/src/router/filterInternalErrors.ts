import { randomBytes } from 'node:crypto';
import { ErrorRequestHandler } from 'express';
import { LoggerService } from '@backstage/backend-plugin-api';

/** The errors our handlers and the OpenAPI validator throw on purpose, by name, with their status. */
const EXPECTED_ERRORS: Record<string, number> = {
  NotModifiedError: 304,
  InputError: 400,
  AuthenticationError: 401,
  NotAllowedError: 403,
  NotFoundError: 404,
  ConflictError: 409,
  PayloadTooLargeError: 413,
  NotImplementedError: 501,
  ServiceUnavailableError: 503,
};

/**
 * Makes every error leaving the Mandate router safe to show a client, whatever the backend's
 * error middleware then does (in development it adds stacks). Expected errors keep their
 * name, message and status but lose their stack and cause; any other error (a driver error
 * quoting SQL, a catalog failure naming a host, a bug) is logged with a logId and answered by
 * a generic 500 that carries only that logId, for correlating with the log.
 */
export function filterInternalErrors(
  logger: LoggerService,
): ErrorRequestHandler {
  return (error, _req, _res, next) => {
    const name = typeof error?.name === 'string' ? error.name : '';
    const message = typeof error?.message === 'string' ? error.message : '';
    const known = EXPECTED_ERRORS[name];
    if (known) {
      next(safeError(name, message, known));
      return;
    }
    // Errors of express and its body parsers carry a 4xx status and were caused by the client.
    const status = Number(error?.statusCode ?? error?.status);
    if (Number.isInteger(status) && status >= 400 && status < 500) {
      next(
        safeError('InputError', `The request was refused (${status})`, status),
      );
      return;
    }
    const logId = randomBytes(10).toString('hex');
    logger.error(`Mandate request failed, logId=${logId}`, error);
    next(safeError('Error', `An internal error occurred logId=${logId}`, 500));
  };
}

function safeError(name: string, message: string, statusCode: number): Error {
  const error = new Error(message);
  error.name = name;
  delete error.stack;
  // The error middleware takes the status from here, and only knows Backstage's own names.
  return Object.assign(error, { statusCode });
}
