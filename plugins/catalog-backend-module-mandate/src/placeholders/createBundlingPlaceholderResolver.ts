import { jsonSchemaRefPlaceholderResolver } from '@backstage/plugin-catalog-backend-module-openapi';
import { PlaceholderResolver } from '@backstage/plugin-catalog-node';
import {
  DEFAULT_FILE_LIMITS,
  bundleDefinition,
} from '@mandate-dev/plugin-mandate-node';
import path from 'node:path';
import {
  TextPlaceholderResolverOptions,
  createTextPlaceholderResolver,
} from './createTextPlaceholderResolver';

// Two letters at least: `C:` is a Windows drive, not a URL scheme.
const URL_SCHEME = /^[a-zA-Z][a-zA-Z0-9+.-]+:/;

/**
 * An `$openapi`/`$asyncapi` resolver that also works for entities loaded from a `file`
 * location, and bundles exactly as the CLI does.
 *
 * The resolver of `@backstage/plugin-catalog-backend-module-openapi` goes through
 * `resolveUrl(value, baseUrl)`, which cannot combine a file path base with a relative path (the
 * same limit as the stock `$text`), so a multi-file definition in a file-based catalog fails
 * processing. For a file base, the definition is read like `$text` (inside the file-location
 * directories only) and its file `$ref`s are bundled by the engine's `bundleDefinition`: the
 * same library as the module, every referenced file read inside those directories, never a URL.
 * A `$ref` that cannot be bundled stays as written (the rules report it), as in the CLI. URL
 * bases are left to the module's own resolver, i.e. to the catalog's URL reader.
 */
export function createBundlingPlaceholderResolver(
  options: TextPlaceholderResolverOptions,
): PlaceholderResolver {
  const readText = createTextPlaceholderResolver(options);
  const maxBytes = options.maxBytes ?? DEFAULT_FILE_LIMITS.maxFileBytes;
  return async params => {
    const { value, baseUrl } = params;
    if (
      path.isAbsolute(baseUrl) &&
      typeof value === 'string' &&
      !URL_SCHEME.test(value)
    ) {
      const text = (await readText(params)) as string;
      return bundleDefinition(
        text,
        path.resolve(path.dirname(baseUrl), value),
        {
          roots: options.roots,
          maxBytes,
        },
      );
    }
    return jsonSchemaRefPlaceholderResolver(params);
  };
}
