import fs from 'node:fs/promises';
import path from 'node:path';
import { isChildPath } from '@backstage/backend-plugin-api';
import { Config } from '@backstage/config';
import { resolveLocalPublishDirectory } from '../config';

/** The only file name a user may register, and the only one read in the publish directory. */
export const CATALOG_INFO_FILE = 'catalog-info.yaml';

/**
 * Characters the catalog's file reader expands as a glob pattern: a pattern could match files
 * outside the folder its prefix names, so only configured locations may use them.
 */
const GLOB_MAGIC = /[*?[\]{}()!]/;

/**
 * Which `file` locations the catalog may register and read once local publishing is enabled.
 * Paths are compared after resolving `..` and symbolic links, so neither escapes a folder.
 */
export interface FileLocationPolicy {
  /**
   * Whether a user may register the file (POST /locations): only a `catalog-info.yaml` inside
   * the local publish directory.
   */
  mayRegister(target: string): Promise<boolean>;
  /**
   * Whether the catalog may read the file: the `file` entries of `catalog.locations`, the files
   * under their folders (what they reference, e.g. the demo's `catalog/`), except that inside
   * the publish directory only `catalog-info.yaml` files are read.
   */
  mayRead(target: string): Promise<boolean>;
}

export function createFileLocationPolicy(options: {
  /** Absolute folder `mandate:publish:local` writes into. */
  publishDirectory: string;
  /** The `file` targets of `catalog.locations`, absolute, as written (globs included). */
  configuredTargets: string[];
}): FileLocationPolicy {
  const publishDirectory = path.resolve(options.publishDirectory);
  const configuredTargets = options.configuredTargets.map(t => path.resolve(t));
  const catalogDirectories = configuredTargets.map(folderBeforeGlob);

  const isPublishedCatalogInfo = async (target: string) => {
    const real = await resolveRealPath(path.resolve(target));
    const root = await resolveRealPath(publishDirectory);
    return (
      !!real &&
      isInside(root, real) &&
      path.basename(real) === CATALOG_INFO_FILE
    );
  };

  return {
    async mayRegister(target) {
      if (GLOB_MAGIC.test(target)) return false;
      return (
        path.basename(target) === CATALOG_INFO_FILE &&
        (await isPublishedCatalogInfo(target))
      );
    },

    async mayRead(target) {
      const resolved = path.resolve(target);
      if (configuredTargets.includes(resolved)) return true;
      if (GLOB_MAGIC.test(target)) return false;
      const real = await resolveRealPath(resolved);
      if (!real) return false;
      if (isInside(await resolveRealPath(publishDirectory), real)) {
        return path.basename(real) === CATALOG_INFO_FILE;
      }
      for (const directory of catalogDirectories) {
        if (isInside(await resolveRealPath(directory), real)) return true;
      }
      return false;
    },
  };
}

/** The policy for this backend's config: its publish directory and `catalog.locations`. */
export function readFileLocationPolicy(config: Config): FileLocationPolicy {
  const configuredTargets = (
    config.getOptionalConfigArray('catalog.locations') ?? []
  )
    .filter(location => location.getOptionalString('type') === 'file')
    .map(location => location.getString('target'));
  return createFileLocationPolicy({
    publishDirectory: resolveLocalPublishDirectory(config),
    configuredTargets,
  });
}

/**
 * The path with every symbolic link resolved. A path that does not exist (yet) keeps its
 * missing tail under the real path of its closest existing ancestor, so that a link higher up
 * still counts. Undefined when an entry exists but cannot be resolved (a dangling or looping
 * link, no permission): such a path is never allowed.
 */
async function resolveRealPath(file: string): Promise<string | undefined> {
  try {
    return await fs.realpath(file);
  } catch {
    if (await exists(file)) return undefined;
    const parent = path.dirname(file);
    if (parent === file) return undefined;
    const realParent = await resolveRealPath(parent);
    return realParent && path.join(realParent, path.basename(file));
  }
}

async function exists(file: string): Promise<boolean> {
  try {
    await fs.lstat(file);
    return true;
  } catch {
    return false;
  }
}

/** Whether `file` lies strictly inside `folder`; false when either could not be resolved. */
function isInside(folder: string | undefined, file: string | undefined) {
  return !!folder && !!file && folder !== file && isChildPath(folder, file);
}

/** The folder a (possibly glob) target lives in: everything before the first magic segment. */
function folderBeforeGlob(target: string): string {
  const segments = target.split(path.sep);
  const firstMagic = segments.findIndex(segment => GLOB_MAGIC.test(segment));
  const fixed =
    firstMagic === -1 ? segments.slice(0, -1) : segments.slice(0, firstMagic);
  return fixed.join(path.sep) || path.sep;
}
