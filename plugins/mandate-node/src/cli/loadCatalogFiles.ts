import { Entity } from '@backstage/catalog-model';
import path from 'node:path';
import { MANDATE_ANNOTATIONS, readUrl } from '../annotations';
import { RunbookDocument, SnapshotInput } from '../catalog';
import { DEFAULT_FILE_LIMITS, FileLimits } from '../config';
import {
  FileReadError,
  readBytesInsideRoots,
  readFileInsideRoots,
} from '../files';
import { CliError } from './CliError';
import { decodeCatalogText } from './decodeCatalogText';
import { findYamlFiles } from './findYamlFiles';
import { CatalogParseThreads, entitiesOf } from './CatalogParseThreads';
import { isEntity } from './isEntity';
import {
  parseCatalogDocuments,
  ParsedCatalogDocuments,
} from './parseCatalogDocuments';
import { PlaceholderFailure, resolvePlaceholders } from './resolvePlaceholders';

export interface LoadedCatalog {
  inputs: SnapshotInput[];
  warnings: string[];
}

/** Options of {@link loadCatalogFiles}. */
export interface LoadCatalogFilesOptions {
  /** How large a file may be read; default {@link DEFAULT_FILE_LIMITS}. */
  limits?: FileLimits;
  /**
   * Sources and messages name files relative to this directory; default the working directory.
   * The scaffolder passes the task workspace, so that no host path reaches the task log.
   */
  baseDirectory?: string;
  /**
   * What a file or document that cannot be read does: `warn` (default) skips it with a
   * warning, as Backstage's catalog does; `throw` stops with a CliError, for callers whose
   * input must be readable as a whole (the scaffolder's generated files).
   */
  onUnreadable?: 'warn' | 'throw';
}

/** How many catalog files are read at once. */
const FILES_IN_FLIGHT = 32;

/** Below this many files, starting parse threads costs more than it saves. */
const MIN_FILES_FOR_THREADS = 1000;

/**
 * The offline catalog: every entity document in the YAML files below `paths`, with its
 * placeholders resolved and its runbook read, as the portal's processors and the backend
 * loader would. Nothing outside `paths` is read (symlinks count by their target), only regular
 * files, and none larger than the limits. Loading never stops on a bad file (rulebook 5): a file
 * that cannot be read or is not text, and a document that is not valid YAML, are skipped with a
 * warning naming file and line. Throws CliError (exit 2) only for a given path that does not
 * exist (or with `onUnreadable: 'throw'`).
 */
export async function loadCatalogFiles(
  paths: string[],
  options: LoadCatalogFilesOptions = {},
): Promise<LoadedCatalog> {
  const limits = options.limits ?? DEFAULT_FILE_LIMITS;
  const found = await findYamlFiles(paths, options.baseDirectory);
  const { roots } = found;
  const inputs: SnapshotInput[] = [];
  const warnings: string[] = [...found.warnings];

  // Files are read and parsed a few at a time: each read waits on the disk (or the thread pool),
  // and one file at a time left the process idle most of the time. Results keep file order.
  // A large catalog is parsed in worker threads, on both cores (the main thread reads).
  const threads =
    found.files.length >= MIN_FILES_FOR_THREADS
      ? new CatalogParseThreads()
      : undefined;
  const parse = threads
    ? (text: string, display: string) => threads.parse(text, display)
    : async (text: string, display: string) =>
        entitiesOf(parseCatalogDocuments(text, display));
  let loaded: Array<LoadedCatalog | { error: unknown }>;
  try {
    loaded = await mapConcurrently(found.files, FILES_IN_FLIGHT, file =>
      loadFile(file, { ...options, limits, roots, parse }).catch(
        (error: unknown) => ({ error }),
      ),
    );
  } finally {
    await threads?.close();
  }
  for (const result of loaded) {
    if ('error' in result) throw result.error; // onUnreadable: 'throw', first in file order
    inputs.push(...result.inputs);
    warnings.push(...result.warnings);
  }
  return { inputs, warnings };
}

/** The entities of one catalog file, and the warnings it gives, in document order. */
async function loadFile(
  file: string,
  options: LoadCatalogFilesOptions & {
    limits: FileLimits;
    roots: string[];
    parse: (text: string, display: string) => Promise<ParsedCatalogDocuments>;
  },
): Promise<LoadedCatalog> {
  const { limits, roots } = options;
  const inputs: SnapshotInput[] = [];
  const warnings: string[] = [];
  const display =
    path.relative(options.baseDirectory ?? process.cwd(), file) || file;
  const unreadable = (warning: string) => {
    if (options.onUnreadable === 'throw') throw new CliError(warning);
    warnings.push(warning);
  };
  let bytes: Buffer;
  try {
    bytes = await readBytesInsideRoots(file, {
      roots,
      maxBytes: limits.maxFileBytes,
      name: display,
    });
  } catch (e) {
    const reason = e instanceof FileReadError ? e.reason : 'unreadable';
    if (options.onUnreadable === 'throw') {
      throw new CliError(new FileReadError(display, reason).message);
    }
    warnings.push(`${display}: skipped, ${reason}`);
    return { inputs, warnings };
  }
  const decoded = decodeCatalogText(bytes);
  if ('problem' in decoded) {
    unreadable(
      `${display}:${decoded.line}: skipped, ${
        decoded.problem === 'binary' ? 'a binary file' : 'not UTF-8 text'
      }`,
    );
    return { inputs, warnings };
  }
  const parsed = await options.parse(decoded.text, display);
  parsed.warnings.forEach(unreadable);
  for (const data of parsed.documents) {
    if (!isEntity(data)) continue;

    const failures: PlaceholderFailure[] = [];
    const entity = (await resolvePlaceholders(data, {
      file,
      roots,
      maxBytes: limits.maxFileBytes,
      failures,
    })) as Entity;
    const input: SnapshotInput = { entity, source: display };
    for (const failure of failures) {
      const field = failure.at.join('.');
      if (entity.kind.toLowerCase() === 'api' && field === 'spec.definition') {
        if (failure.unparsedText === undefined) {
          input.definitionReadError = failure.reason;
        } else {
          // Readable but not YAML/JSON (rulebook 5): the definition analysis judges the
          // text, which also allows duplicate keys and counts aliases against its budget.
          (entity.spec as Record<string, unknown>).definition =
            failure.unparsedText;
        }
      } else {
        warnings.push(
          `${display}: ${entity.metadata.name}: ${field}: ${failure.reason}`,
        );
      }
    }
    const runbook = await readRunbook(entity, file, {
      roots,
      maxBytes: limits.maxRunbookBytes,
    });
    if (runbook) input.runbook = runbook;
    inputs.push(input);
  }
  return { inputs, warnings };
}

/** `fn` over `items`, at most `limit` at a time, resolving to the results in item order. */
async function mapConcurrently<T, R>(
  items: readonly T[],
  limit: number,
  fn: (item: T) => Promise<R>,
): Promise<R[]> {
  const results = new Array<R>(items.length);
  let next = 0;
  const lanes = Array.from(
    { length: Math.min(limit, items.length) },
    async () => {
      while (next < items.length) {
        const index = next++;
        results[index] = await fn(items[index]);
      }
    },
  );
  await Promise.all(lanes);
  return results;
}

/**
 * A relative runbook path is read next to the entity's file (`..` allowed, but not out of the
 * roots); URLs never.
 */
async function readRunbook(
  entity: Entity,
  file: string,
  limits: { roots: string[]; maxBytes: number },
): Promise<RunbookDocument | undefined> {
  const value = entity.metadata.annotations?.[MANDATE_ANNOTATIONS.runbook];
  if (typeof value !== 'string' || value.trim() === '') return undefined;
  const target = readUrl(value);
  if (target.kind !== 'relative-path') return undefined;
  try {
    const text = await readFileInsideRoots(
      path.resolve(path.dirname(file), target.path),
      { ...limits, name: target.path },
    );
    return { path: target.path, text };
  } catch (e) {
    return {
      path: target.path,
      error: e instanceof FileReadError ? e.reason : 'unreadable',
    };
  }
}
