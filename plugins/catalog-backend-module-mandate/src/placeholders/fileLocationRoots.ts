import { Config } from '@backstage/config';
import path from 'node:path';

/**
 * The directories a `file` placeholder may read from: for each `catalog.locations[]` entry of
 * type `file`, the directory of its target, resolved against the working directory exactly as
 * the catalog's config location provider resolves it. For a glob target
 * (`../../catalog/**\/*.yaml`) it is the directory before the first glob segment.
 *
 * Only config can name file locations: the catalog lets API callers register `url`
 * locations only, so this list covers every entity that comes from a file.
 *
 * @public
 */
export function fileLocationRoots(config: Config): string[] {
  const roots = new Set<string>();
  for (const location of config.getOptionalConfigArray('catalog.locations') ??
    []) {
    if (location.getString('type') !== 'file') continue;
    roots.add(
      globBase(path.dirname(path.resolve(location.getString('target')))),
    );
  }
  return [...roots];
}

function globBase(directory: string): string {
  const segments = directory.split(path.sep);
  const firstGlob = segments.findIndex(segment => /[*?[\]{}]/.test(segment));
  if (firstGlob === -1) return directory;
  return segments.slice(0, firstGlob).join(path.sep) || path.sep;
}
