export { findAnnotationProblems } from './findAnnotationProblems';
export {
  MANDATE_ANNOTATION_PREFIX,
  mandateAnnotationChecks,
} from './mandateAnnotationChecks';
export type {
  AnnotationCheck,
  AnnotationCheckContext,
} from './AnnotationCheck';
