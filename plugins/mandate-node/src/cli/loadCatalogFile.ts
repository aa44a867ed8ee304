import { Entity } from '@backstage/catalog-model';
import path from 'node:path';
import { MANDATE_ANNOTATIONS, readUrl } from '../annotations';
import { RunbookDocument, SnapshotInput } from '../catalog';
import { FileLimits } from '../config';
import {
  FileReadError,
  readBytesInsideRoots,
  readFileInsideRoots,
} from '../files';
import { CliError } from './CliError';
import { decodeCatalogText } from './decodeCatalogText';
import { isEntity } from './isEntity';
import { parseCatalogDocuments } from './parseCatalogDocuments';
import { PlaceholderFailure, resolvePlaceholders } from './resolvePlaceholders';

/** The entities of one catalog file (placeholders resolved, runbooks read) and its warnings. */
export interface LoadedCatalogFile {
  inputs: SnapshotInput[];
  warnings: string[];
}

/** What {@link loadCatalogFile} needs: plain data, so that a worker thread can be sent it. */
export interface LoadCatalogFileOptions {
  limits: FileLimits;
  /** Real paths of the directories every file read must be in. */
  roots: string[];
  baseDirectory?: string;
  onUnreadable?: 'warn' | 'throw';
}

/** The entities of one catalog file, and the warnings it gives, in document order. */
export async function loadCatalogFile(
  file: string,
  options: LoadCatalogFileOptions,
): Promise<LoadedCatalogFile> {
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
  const parsed = parseCatalogDocuments(decoded.text, display);
  parsed.warnings.forEach(unreadable);
  for (const [index, data] of parsed.documents.entries()) {
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
    const input: SnapshotInput = {
      entity,
      source: display,
      sourceLine: parsed.lines[index],
    };
    // Where the definition came from, so that api.* results can point at the file (and, for
    // $text, the line: bundled $openapi text is re-rendered and its lines differ).
    const definition = resolved.find(r => r.at.join('.') === 'spec.definition');
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
