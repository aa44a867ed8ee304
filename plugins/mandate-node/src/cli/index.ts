export { runMandateCli } from './runMandateCli';
export type { CliIo } from './runMandateCli';
export { loadCatalogFiles } from './loadCatalogFiles';
export type {
  LoadCatalogFilesOptions,
  LoadedCatalog,
} from './loadCatalogFiles';
