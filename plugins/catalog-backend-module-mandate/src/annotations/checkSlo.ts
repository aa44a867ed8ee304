import { readDecimal } from '@internal/plugin-mandate-node';
import { AnnotationCheck } from './AnnotationCheck';

/**
 * `mandate.dev/slo`: availability in percent, a plain decimal strictly between 0 and 100.
 *
 * The number is read by the engine's `readDecimal`; the range is restated because the engine's
 * `readSlo` reads a whole `SnapshotEntity`, not a single value. Keep it equal to `readSlo`.
 */
export const checkSlo: AnnotationCheck = value => {
  const slo = readDecimal(value);
  return slo !== undefined && slo > 0 && slo < 100
    ? []
    : ['is not a number between 0 and 100'];
};
