import { LineCounter, parseAllDocuments } from 'yaml';
import { loadYamlFast } from '../apis/loadYamlFast';

/**
 * Backstage's own alias limit for catalog documents: the default `maxAliasCount` of the yaml
 * package's `toJSON()`, which its catalog uses. Counted as that package counts.
 */
const CATALOG_MAX_ALIAS_COUNT = 100;

/** What {@link parseCatalogDocuments} read from one file. */
export interface ParsedCatalogDocuments {
  /** The documents that parse, as plain values, in file order. */
  documents: unknown[];
  /** The 1-based line where each of `documents` starts (its first content line), same order. */
  lines: number[];
  /** One per document that does not parse, naming `file:line`. */
  warnings: string[];
}

/**
 * The documents of one catalog file, each judged on its own as Backstage's catalog does: a
 * document with a syntax error, a duplicate key or too many aliases is skipped with a warning,
 * and the other documents of the file still count.
 *
 * Most files are read by the fast path (js-yaml, same reading); a file it leaves (an error, an
 * alias, a tag, ...) is read by the yaml package, whose messages and lines the warnings give.
 * Empty documents are no entities: the fast path may count them differently and drops them.
 */
export function parseCatalogDocuments(
  text: string,
  /** How warnings name the file. */
  display: string,
): ParsedCatalogDocuments {
  const fast = loadYamlFast(text, { uniqueKeys: true });
  if (fast) {
    const documents = fast.filter(value => value !== null);
    const lines = contentStartLines(text);
    // The scan agrees with js-yaml on every ordinary file; where it does not (a document
    // that is an explicit null, say), the yaml package gives the lines.
    if (lines.length === documents.length) {
      return { documents, lines, warnings: [] };
    }
  }
  const lineCounter = new LineCounter();
  const documents: unknown[] = [];
  const lines: number[] = [];
  const warnings: string[] = [];
  // logLevel 'error': the parser must not print its warnings (e.g. collection keys) itself.
  for (const doc of parseAllDocuments(text, {
    lineCounter,
    uniqueKeys: true,
    logLevel: 'error',
  })) {
    const error = doc.errors[0];
    if (error) {
      const line =
        error.linePos?.[0].line ?? lineCounter.linePos(error.pos[0]).line;
      warnings.push(
        `${display}:${line}: skipped a document with a YAML syntax error: ${firstLine(
          error.message,
        )}`,
      );
      continue;
    }
    try {
      const value = doc.toJS({ maxAliasCount: CATALOG_MAX_ALIAS_COUNT });
      if (value === null) continue;
      documents.push(value);
      lines.push(
        lineCounter.linePos(doc.contents?.range[0] ?? doc.range[0]).line,
      );
    } catch (e) {
      // The yaml package throws a ReferenceError past the alias limit.
      const { line } = lineCounter.linePos(doc.range[0]);
      const why =
        e instanceof ReferenceError
          ? `more aliases than the catalog allows (${CATALOG_MAX_ALIAS_COUNT})`
          : `a YAML error: ${firstLine((e as Error).message)}`;
      warnings.push(`${display}:${line}: skipped a document with ${why}`);
    }
  }
  return { documents, lines, warnings };
}

const DOCUMENT_MARKER = /^(?:---|\.\.\.)(?=[ \t\r]|$)/;
const NO_CONTENT = /^[ \t]*(?:#.*)?\r?$/;

/**
 * The first content line of each document with content, found by its markers: a line that
 * starts with `---` or `...` ends a document wherever it is (YAML forbids it in content), and
 * content after `---` on the marker line is the document's first line.
 */
function contentStartLines(text: string): number[] {
  const starts: number[] = [];
  let open = false; // whether the current document has had content yet
  const lines = text.split('\n');
  for (let i = 0; i < lines.length; i++) {
    const line = lines[i];
    const marker = DOCUMENT_MARKER.exec(line);
    if (marker) {
      open = false;
      const rest = line.slice(3);
      if (marker[0] === '---' && !NO_CONTENT.test(rest)) {
        starts.push(i + 1);
        open = true;
      }
      continue;
    }
    if (!open && !NO_CONTENT.test(line)) {
      starts.push(i + 1);
      open = true;
    }
  }
  return starts;
}

/** Parser messages quote the offending lines, and " at line N, column M": the rest says enough. */
function firstLine(message: string): string {
  return message.split('\n')[0].replace(/ at line \d+, column \d+:?$/, '');
}
