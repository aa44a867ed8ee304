import { InputError } from '@backstage/errors';
import {
  PlaceholderResolver,
  PlaceholderResolverParams,
  processingResult,
} from '@backstage/plugin-catalog-node';
import {
  DEFAULT_FILE_LIMITS,
  FileReadError,
  readFileInsideRoots,
} from '@mandate-dev/plugin-mandate-node';
import fs from 'node:fs/promises';
import path from 'node:path';

/** Options of {@link createTextPlaceholderResolver}. @public */
export interface TextPlaceholderResolverOptions {
  /** Directories files may be read from; see `fileLocationRoots`. */
  roots: string[];
  /** Larger files are refused; default `DEFAULT_FILE_LIMITS.maxFileBytes` (16 MiB). */
  maxBytes?: number;
}

// Two letters at least: `C:` is a Windows drive, not a URL scheme.
const URL_SCHEME = /^[a-zA-Z][a-zA-Z0-9+.-]+:/;

/**
 * A `$text` resolver that also works for entities loaded from a `file` location.
 *
 * The stock resolver always goes through `resolveUrl(value, baseUrl)`, which cannot combine a
 * file path base (`/work/main/catalog/apis.yaml`) with a relative path, so every
 * `$text: ./apis/x.yaml` in a file-based catalog fails. Here, when the base is an absolute
 * file path and the value is a path (not a URL), the file is read from disk, but only inside
 * one of the configured file-location directories: a placeholder must not become a way to
 * publish `/etc/passwd` or the backend's secrets through the catalog API. Symlinks are
 * resolved before the check, so a link cannot lead out either; only regular files up to
 * `maxBytes` are read. Everything else (URL bases,
 * URL values) goes through the catalog's reader exactly like the stock resolver.
 *
 * @public
 */
export function createTextPlaceholderResolver(
  options: TextPlaceholderResolverOptions,
): PlaceholderResolver {
  const lexicalRoots = options.roots.map(root => path.resolve(root));
  const maxBytes = options.maxBytes ?? DEFAULT_FILE_LIMITS.maxFileBytes;
  let realRoots: Promise<string[]> | undefined;
  // Resolved on first use: a root that does not exist yet at startup may appear later.
  const getRealRoots = () => {
    realRoots ??= Promise.all(
      lexicalRoots.map(root => fs.realpath(root).catch(() => root)),
    );
    return realRoots;
  };

  return async (params: PlaceholderResolverParams) => {
    const { key, value, baseUrl } = params;
    if (typeof value !== 'string') {
      throw new InputError(
        `Placeholder $${key} expected a string value parameter, in the form of an absolute URL or a relative path`,
      );
    }
    if (path.isAbsolute(baseUrl) && !URL_SCHEME.test(value)) {
      const file = path.resolve(path.dirname(baseUrl), value);
      return readFileInside(key, file, lexicalRoots, getRealRoots, maxBytes);
    }
    return readUrl(params, value);
  };
}

async function readFileInside(
  key: string,
  file: string,
  lexicalRoots: string[],
  getRealRoots: () => Promise<string[]>,
  maxBytes: number,
): Promise<string> {
  const refuse = () =>
    new InputError(
      `Placeholder $${key} may not read ${file}: it is outside the catalog file locations (${
        lexicalRoots.join(', ') || 'none configured'
      })`,
    );
  // Checked before touching the disk, so a refused path does not reveal whether it exists.
  if (!isInsideAny(file, lexicalRoots)) throw refuse();

  let content: string;
  try {
    const real = await fs.realpath(file);
    if (!isInsideAny(real, await getRealRoots())) throw refuse();
    // Only a regular file (a FIFO would hang the processing), and never more than maxBytes.
    content = await readFileInsideRoots(real, {
      roots: await getRealRoots(),
      maxBytes,
    });
  } catch (error) {
    if (error instanceof InputError) throw error;
    // A FileReadError says all there is to say; other errors are kept as the cause.
    if (error instanceof FileReadError) {
      throw new InputError(
        `Placeholder $${key} could not read ${file}: ${error.reason}`,
      );
    }
    throw new InputError(`Placeholder $${key} could not read ${file}`, error);
  }
  return content;
}

async function readUrl(
  { key, baseUrl, read, resolveUrl, emit }: PlaceholderResolverParams,
  value: string,
): Promise<string> {
  let url: string;
  try {
    // Only an absolute URL value gets here with a file path base, which resolveUrl rejects
    // as a base although the URL needs none.
    url = path.isAbsolute(baseUrl) ? value : resolveUrl(value, baseUrl);
  } catch (error) {
    throw new InputError(
      `Placeholder $${key} could not form a URL out of ${baseUrl} and ${value}`,
      error,
    );
  }
  let content: string;
  try {
    content = (await read(url)).toString('utf-8');
  } catch (error) {
    throw new InputError(
      `Placeholder $${key} could not read location ${value}`,
      error,
    );
  }
  // As the stock resolver: a refresh of this URL (e.g. from a webhook) refreshes the entity.
  emit(processingResult.refresh(`url:${url}`));
  return content;
}

function isInsideAny(file: string, roots: string[]): boolean {
  return roots.some(root => {
    const relative = path.relative(root, file);
    return (
      relative !== '' &&
      !relative.startsWith(`..${path.sep}`) &&
      relative !== '..' &&
      !path.isAbsolute(relative)
    );
  });
}
