export {
  readBytesInsideRoots,
  readFileInsideRoots,
  readFilesBlockingInThisThread,
} from './readFileInsideRoots';
export type { ReadFileInsideRootsOptions } from './readFileInsideRoots';
export { FileReadError } from './FileReadError';
export { formatBytes } from './formatBytes';
export { isInsideRoots } from './isInsideRoots';
export { bundleDefinition } from './bundleDefinition';
export type { BundleDefinitionOptions } from './bundleDefinition';
