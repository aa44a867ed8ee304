import { AnnotationCheck } from './AnnotationCheck';
import { readDecimal } from './readDecimal';

/** `mandate.dev/slo`: availability in percent, a plain decimal strictly between 0 and 100. */
export const checkSlo: AnnotationCheck = value => {
  const slo = readDecimal(value);
  return slo !== undefined && slo > 0 && slo < 100
    ? []
    : ['is not a number between 0 and 100'];
};
