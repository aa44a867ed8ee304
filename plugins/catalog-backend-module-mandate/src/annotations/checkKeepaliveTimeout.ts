import { readDecimal } from '@mandate-dev/plugin-mandate-node';
import { AnnotationCheck } from './AnnotationCheck';

/**
 * `mandate.dev/keepalive-timeout`: idle timeout in seconds, a positive plain number. A unit
 * (`60s`) is the usual mistake, and the keep-alive-order rule fails any edge it cannot compare.
 */
export const checkKeepaliveTimeout: AnnotationCheck = value => {
  const seconds = readDecimal(value);
  return seconds !== undefined && seconds > 0
    ? []
    : ['is not a positive number of seconds'];
};
