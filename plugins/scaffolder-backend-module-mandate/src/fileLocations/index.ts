export {
  CATALOG_INFO_FILE,
  createFileLocationPolicy,
  readFileLocationPolicy,
  type FileLocationPolicy,
} from './FileLocationPolicy';
export { FileLocationGuardProcessor } from './FileLocationGuardProcessor';
export { createFileLocationRegistrationGuard } from './createFileLocationRegistrationGuard';
