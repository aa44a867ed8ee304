import { Entity } from '@backstage/catalog-model';
import path from 'node:path';
import { parseAllDocuments } from 'yaml';
import { MANDATE_ANNOTATIONS, readUrl } from '../annotations';
import { RunbookDocument, SnapshotInput } from '../catalog';
import { DEFAULT_FILE_LIMITS, FileLimits } from '../config';
import { FileReadError, readFileInsideRoots } from '../files';
import { CliError } from './CliError';
import { findYamlFiles } from './findYamlFiles';
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
}

/**
 * The offline catalog: every entity document in the YAML files below `paths`, with its
 * placeholders resolved and its runbook read, as the portal's processors and the backend
 * loader would. Nothing outside `paths` is read (symlinks count by their target), only regular
 * files, and none larger than the limits. Throws CliError (exit 2) for unreadable paths and
 * YAML syntax errors.
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
    let text: string;
    try {
      text = await readFileInsideRoots(file, {
        roots,
        maxBytes: limits.maxFileBytes,
        name: display,
      });
    } catch (e) {
      throw new CliError((e as Error).message);
    }
    for (const doc of parseAllDocuments(text)) {
      const error = doc.errors[0];
      if (error) {
        const pos = error.linePos?.[0];
        const where = pos ? `${display}:${pos.line}:${pos.col}` : display;
        throw new CliError(
          `${where}: YAML syntax error: ${error.message.split('\n')[0]}`,
        );
      }
      const data = doc.toJS({ maxAliasCount: 1000 });
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
        if (
          entity.kind.toLowerCase() === 'api' &&
          field === 'spec.definition'
        ) {
          input.definitionReadError = failure.reason;
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
