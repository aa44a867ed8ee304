/**
 * Catalog module for Mandate: validates `mandate.dev/` annotations and reads `$text`
 * placeholders relative to file locations.
 *
 * @packageDocumentation
 */
export { catalogModuleMandate as default } from './catalogModuleMandate';
export { MandateAnnotationProcessor } from './MandateAnnotationProcessor';
export type { MandateAnnotationProcessorOptions } from './MandateAnnotationProcessor';
export {
  createTextPlaceholderResolver,
  fileLocationRoots,
} from './placeholders';
export type { TextPlaceholderResolverOptions } from './placeholders';
export {
  findAnnotationProblems,
  mandateAnnotationChecks,
  MANDATE_ANNOTATION_PREFIX,
} from './annotations';
export type { AnnotationCheck, AnnotationCheckContext } from './annotations';
