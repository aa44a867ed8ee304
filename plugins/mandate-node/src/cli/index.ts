export { runMandateCli } from './runMandateCli';
export type { CliIo } from './runMandateCli';
export { loadCatalogFiles } from './loadCatalogFiles';
export type {
  LoadCatalogFilesOptions,
  LoadedCatalog,
} from './loadCatalogFiles';
// The worker threads of a built package require the bundle itself: its body must be exported.
export { runCatalogFileWorker } from './CatalogFileThreads';
