import {
  $RefParser,
  JSONParserErrorGroup,
  ResolverOptions,
} from '@apidevtools/json-schema-ref-parser';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { parse as parseYaml } from 'yaml';
import { stringifyYaml } from '../yaml/stringifyYaml';
import { readFileInsideRoots } from './readFileInsideRoots';

/** Where {@link bundleDefinition} may read the files a definition refers to. */
export interface BundleDefinitionOptions {
  /** Directories referenced files must be in, after symlinks are resolved. */
  roots: readonly string[];
  /** Larger referenced files are refused (and their `$ref`s stay unresolvable). */
  maxBytes: number;
}

// A scheme of two letters at least (`C:` is a Windows drive): URLs are never read.
const URL_SCHEME = /^[a-zA-Z][a-zA-Z0-9+.-]+:/;

/**
 * Bundles an API definition the way the `$openapi`/`$asyncapi` placeholders of
 * `@backstage/plugin-catalog-backend-module-openapi` do: every `$ref` to another file is
 * inlined, recursively, with the same library (`@apidevtools/json-schema-ref-parser`) and
 * rendered as YAML text like the module's, so that the CLI and the portal score the same text.
 *
 * Unlike the module, nothing leaves `roots`: referenced files are read only through
 * `readFileInsideRoots` (real paths inside the roots, regular files, `maxBytes`), and no
 * resolver reads URLs. A `$ref` that cannot be bundled (missing file, outside the roots, a URL,
 * a file that is not YAML/JSON) is left as it was, for the rules to report as an unresolvable
 * `$ref`, instead of failing the whole definition. Text that is not a YAML/JSON object is
 * returned unchanged, as `$text` would.
 *
 * @param text - the definition's text
 * @param file - the definition's absolute path: relative `$ref`s resolve against it
 *
 * @public
 */
export async function bundleDefinition(
  text: string,
  file: string,
  options: BundleDefinitionOptions,
): Promise<string> {
  let document: unknown;
  try {
    document = parseYaml(text);
  } catch {
    return text;
  }
  if (!document || typeof document !== 'object') return text;

  const parser = new $RefParser();
  try {
    await parser.bundle(path.resolve(file), document as object, {
      resolve: {
        external: true,
        file: fileInsideRootsResolver(options),
        http: false,
      },
      // Keeps going past a $ref it cannot read: that $ref stays as written.
      continueOnError: true,
    });
  } catch (error) {
    if (!(error instanceof JSONParserErrorGroup)) return text;
  }
  // The library's default rendering (as the module's `yaml.stringify`), written faster.
  return parser.schema ? stringifyYaml(parser.schema, { lineWidth: 80 }) : text;
}

function fileInsideRootsResolver({
  roots,
  maxBytes,
}: BundleDefinitionOptions): ResolverOptions {
  return {
    order: 1,
    canRead: ({ url }) => url.startsWith('file:') || !URL_SCHEME.test(url),
    read: async ({ url }) => {
      const target = url.startsWith('file:')
        ? fileURLToPath(url)
        : decodeURIComponent(url);
      return readFileInsideRoots(target, { roots, maxBytes });
    },
  };
}
