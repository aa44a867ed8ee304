import { parseSlo } from '@mandate-dev/plugin-mandate-node';
import { AnnotationCheck } from './AnnotationCheck';

/** `mandate.dev/slo`: availability in percent, read exactly as the engine reads it. */
export const checkSlo: AnnotationCheck = value =>
  parseSlo(value) !== undefined ? [] : ['is not a number between 0 and 100'];
