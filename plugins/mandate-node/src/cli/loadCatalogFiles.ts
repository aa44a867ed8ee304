import { SnapshotInput } from '../catalog';
import { DEFAULT_FILE_LIMITS, FileLimits } from '../config';
import { CatalogFileThreads } from './CatalogFileThreads';
import { findYamlFiles } from './findYamlFiles';
import { loadCatalogFile, LoadedCatalogFile } from './loadCatalogFile';
import { mapConcurrently } from './mapConcurrently';

/** @public */
export interface LoadedCatalog {
  inputs: SnapshotInput[];
  warnings: string[];
}

/** Options of {@link loadCatalogFiles}. @public */
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

/** Below this many files, starting worker threads costs more than it saves. */
const MIN_FILES_FOR_THREADS = 1000;

/**
 * The offline catalog: every entity document in the YAML files below `paths`, with its
 * placeholders resolved and its runbook read, as the portal's processors and the backend
 * loader would. Nothing outside `paths` is read (symlinks count by their target), only regular
 * files, and none larger than the limits. Loading never stops on a bad file (rulebook 5): a file
 * that cannot be read or is not text, and a document that is not valid YAML, are skipped with a
 * warning naming file and line. Throws CliError (exit 2) only for a given path that does not
 * exist (or with `onUnreadable: 'throw'`).
 *
 * @public
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

  // Files are loaded a few at a time: each read waits on the disk (or the thread pool), and one
  // file at a time left the process idle most of the time. A large catalog is loaded in worker
  // threads, on both cores, the main thread only handing out files. Results keep file order.
  const threads =
    found.files.length >= MIN_FILES_FOR_THREADS
      ? new CatalogFileThreads()
      : undefined;
  const fileOptions = {
    limits,
    roots,
    baseDirectory: options.baseDirectory,
    onUnreadable: options.onUnreadable,
  };
  let loaded: Array<LoadedCatalogFile | { error: unknown }>;
  try {
    loaded = await mapConcurrently(
      found.files,
      threads ? FILES_IN_FLIGHT * threads.size : FILES_IN_FLIGHT,
      file =>
        (threads
          ? threads.load(file, fileOptions)
          : loadCatalogFile(file, fileOptions)
        ).catch((error: unknown) => ({ error })),
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
