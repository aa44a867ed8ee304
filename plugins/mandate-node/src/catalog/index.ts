export { CatalogSnapshot } from './CatalogSnapshot';
export { toSnapshotEntity } from './SnapshotEntity';
export type { SnapshotEntity, RefLink } from './SnapshotEntity';
export type {
  DefinitionSource,
  SnapshotInput,
  RunbookDocument,
} from './SnapshotInput';
export { parseRef } from './parseRef';
export type { RefDefaults } from './parseRef';
export { compareRefs } from './compareRefs';
export { toList } from './toList';
export { splitList } from './splitList';
export type { SnapshotDerivation } from './CatalogSnapshot';
export { LayeredMap } from './LayeredMap';
