import { CustomErrorBase } from '@backstage/errors';

/**
 * The request body is over the size limit: answered 413. @backstage/errors has no such type;
 * the error middleware reads the status code from `statusCode`.
 */
export class PayloadTooLargeError extends CustomErrorBase {
  name = 'PayloadTooLargeError' as const;
  readonly statusCode = 413;
}
