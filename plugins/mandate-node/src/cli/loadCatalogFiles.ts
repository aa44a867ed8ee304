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
import { parseCatalogDocuments } from './parseCatalogDocuments';
import { PlaceholderFailure, resolvePlaceholders } from './resolvePlaceholders';

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

  for (const file of found.files) {
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
      continue;
    }
    const decoded = decodeCatalogText(bytes);
    if ('problem' in decoded) {
      unreadable(
        `${display}:${decoded.line}: skipped, ${
          decoded.problem === 'binary' ? 'a binary file' : 'not UTF-8 text'
        }`,
      );
      continue;
    }
    const parsed = parseCatalogDocuments(decoded.text, display);
    parsed.warnings.forEach(unreadable);
    for (const data of parsed.documents) {
      if (!isEntity(data)) continue;

      const failures: PlaceholderFailure[] = [];
      const resolved: Array<{ at: string[]; file: string; kind: string }> = [];
      const entity = (await resolvePlaceholders(data, {
        file,
        roots,
        maxBytes: limits.maxFileBytes,
        failures,
        resolved,
      })) as Entity;
      const input: SnapshotInput = { entity, source: display };
      const definition = resolved.find(
        r => r.at.join('.') === 'spec.definition',
      );
      if (definition && entity.kind.toLowerCase() === 'api') {
        input.definitionSource = {
          file:
            path.relative(
              options.baseDirectory ?? process.cwd(),
              definition.file,
            ) || definition.file,
          verbatim: definition.kind === '$text',
        };
      }
      for (const failure of failures) {
        const field = failure.at.join('.');
        if (
          entity.kind.toLowerCase() === 'api' &&
          field === 'spec.definition'
        ) {
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
  }
  return { inputs, warnings };
}

/** A document is an entity when it has apiVersion, a string kind and a string metadata.name. */
function isEntity(data: unknown): data is Entity {
  if (!data || typeof data !== 'object') return false;
  const d = data as Record<string, any>;
  return (
    d.apiVersion !== undefined &&
    d.apiVersion !== null &&
    typeof d.kind === 'string' &&
    !!d.metadata &&
    typeof d.metadata === 'object' &&
    typeof d.metadata.name === 'string'
  );
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
