export { createTextPlaceholderResolver } from './createTextPlaceholderResolver';
export type { TextPlaceholderResolverOptions } from './createTextPlaceholderResolver';
export { fileLocationRoots } from './fileLocationRoots';
export { createBundlingPlaceholderResolver } from './createBundlingPlaceholderResolver';
