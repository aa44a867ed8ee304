/**
 * The mandate CLI, bundled into one file with the engine (see build.js).
 *
 * @packageDocumentation
 */
// The engine is bundled into dist (build.js), so the published package has no dependencies:
// it is a devDependency, which this rule cannot tell from a runtime import.
// eslint-disable-next-line @backstage/no-undeclared-imports
export {
  runMandateCli,
  runCatalogFileWorker,
  runDefinitionWorker,
} from '@mandate-dev/plugin-mandate-node';
