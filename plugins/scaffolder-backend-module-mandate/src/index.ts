/**
 * Scaffolder module for Mandate: `mandate:check` scores what a template generates against the
 * rulebook (with the live catalog) and refuses it below the required level;
 * `mandate:publish:local` publishes into the demo catalog when there is no Git host.
 *
 * @packageDocumentation
 */
export { mandateScaffolderFeatures as default } from './mandateScaffolderFeatures';
export { scaffolderModuleMandate } from './scaffolderModuleMandate';
export { catalogModuleMandateFileLocations } from './catalogModuleMandateFileLocations';
// The actions, for a custom module that registers them itself.
export {
  createMandateCheckAction,
  createMandatePublishLocalAction,
} from './actions';
export {
  DEFAULT_LOCAL_PUBLISH_DIRECTORY,
  isLocalPublishingEnabled,
  resolveLocalPublishDirectory,
} from './config';
