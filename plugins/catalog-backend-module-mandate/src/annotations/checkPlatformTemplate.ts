import { AnnotationCheck } from './AnnotationCheck';

/**
 * `mandate.dev/platform-template`: any name. Whether it is approved is the
 * approved-template rule's verdict, not a data error.
 */
export const checkPlatformTemplate: AnnotationCheck = () => [];
