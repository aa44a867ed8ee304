import { ResponseError } from '@backstage/errors';
import { truncate } from './truncate';

/**
 * What went wrong, in words: for an HTTP error the server's own message (its error body) rather
 * than the status line ("400 Bad Request"), cut to a readable length.
 */
export function errorText(error: Error): string {
  if (error instanceof ResponseError || error.name === 'ResponseError') {
    const response = error as ResponseError;
    const message = response.body?.error?.message;
    const status = response.response?.status;
    if (status === 400 && message) {
      return truncate(`The request was refused: ${message}`);
    }
    if (message) return truncate(message);
  }
  return truncate(error.message);
}
