import { Entity } from '@backstage/catalog-model';
import fs from 'node:fs';
import path from 'node:path';
import { parseAllDocuments } from 'yaml';
import { MANDATE_ANNOTATIONS, readUrl } from '../annotations';
import { RunbookDocument, SnapshotInput } from '../catalog';
import { CliError } from './CliError';
import { findYamlFiles } from './findYamlFiles';
import { resolvePlaceholders } from './resolvePlaceholders';

export interface LoadedCatalog {
  inputs: SnapshotInput[];
  warnings: string[];
}

/**
 * The offline catalog: every entity document in the YAML files below `paths`, with its
 * placeholders resolved and its runbook read, as the portal's processors and the backend
 * loader would. Throws CliError (exit 2) for unreadable paths and YAML syntax errors.
 */
export function loadCatalogFiles(paths: string[]): LoadedCatalog {
  const roots = paths.map(p => {
    const resolved = path.resolve(p);
    return fs.existsSync(resolved) && fs.statSync(resolved).isFile()
      ? path.dirname(resolved)
      : resolved;
  });
  const inputs: SnapshotInput[] = [];
  const warnings: string[] = [];

  for (const file of findYamlFiles(paths)) {
    const display = path.relative(process.cwd(), file) || file;
    let text: string;
    try {
      text = fs.readFileSync(file, 'utf8');
    } catch (e) {
      throw new CliError(
        `cannot read ${display}: ${(e as NodeJS.ErrnoException).code ?? e}`,
      );
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

      const failures: Parameters<typeof resolvePlaceholders>[3] = [];
      const entity = resolvePlaceholders(data, file, roots, failures) as Entity;
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
      const runbook = readRunbook(entity, file);
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

/** A relative runbook path is read next to the entity's file (`..` allowed); URLs never. */
function readRunbook(
  entity: Entity,
  file: string,
): RunbookDocument | undefined {
  const value = entity.metadata.annotations?.[MANDATE_ANNOTATIONS.runbook];
  if (typeof value !== 'string' || value.trim() === '') return undefined;
  const target = readUrl(value);
  if (target.kind !== 'relative-path') return undefined;
  try {
    const text = fs.readFileSync(
      path.resolve(path.dirname(file), target.path),
      'utf8',
    );
    return { path: target.path, text };
  } catch (e) {
    return {
      path: target.path,
      error: String((e as NodeJS.ErrnoException).code ?? e),
    };
  }
}
