import { Document } from 'yaml';

/** How {@link yamlSnippet} renders a value. */
export interface YamlSnippetOptions {
  /** A comment line above the document (line breaks become spaces). */
  comment?: string;
  /**
   * Whether an object met twice is written once with an anchor and then as an alias (the
   * library's default); false writes it out each time.
   */
  aliasDuplicateObjects?: boolean;
}

/**
 * A fix's YAML snippet: exactly what `new Document(value).toString({ lineWidth: 0 })` of the
 * `yaml` package writes. Fixes are computed for every failing result, tens of thousands on a
 * large catalog, and the library's node tree made them most of an evaluation's time; so the
 * plain data fixes are made of (maps, lists, short one-line strings, numbers, booleans, null)
 * is written here directly, with the library's own choices of plain or double-quoted strings,
 * and anything else (anchors, line breaks, quotes, non-ASCII text, ...) is left to the library.
 * yamlSnippet.test.ts compares both on every shape the fast path writes.
 */
export function yamlSnippet(
  value: unknown,
  options: YamlSnippetOptions = {},
): string {
  const aliases = options.aliasDuplicateObjects ?? true;
  const comment = options.comment
    ? ` ${options.comment.replace(/[\r\n]+/g, ' ')}`
    : undefined;
  const fast = fastYaml(value, aliases);
  if (fast !== undefined) {
    return comment === undefined ? fast : `#${comment}\n\n${fast}`;
  }
  return libraryYaml(value, aliases, comment);
}

/** The library's rendering: the reference, and the way for everything the fast path declines. */
export function libraryYaml(
  value: unknown,
  aliasDuplicateObjects: boolean,
  comment?: string,
): string {
  const doc = new Document(value, { aliasDuplicateObjects });
  if (comment) doc.commentBefore = comment;
  return doc.toString({ lineWidth: 0 });
}

/** Thrown inside the fast path for a value it does not write; never escapes this module. */
const DECLINE = Symbol('decline');

/** Deeper values are rare in fixes; the library handles them (and cycles). */
const MAX_DEPTH = 64;

/** The fast path alone: the library's text, or undefined for a value it leaves to the library. */
export function fastYaml(value: unknown, aliases: boolean): string | undefined {
  const seen = aliases ? new Set<object>() : undefined;
  try {
    if (isCollection(value)) {
      if (isEmpty(value)) return `${Array.isArray(value) ? '[]' : '{}'}\n`;
      const lines: string[] = [];
      writeCollection(value, '', lines, seen, 0);
      return `${lines.join('\n')}\n`;
    }
    // A top-level string follows other rules (document markers, block scalars): the library.
    if (typeof value === 'string') return undefined;
    return `${scalar(value, false)}\n`;
  } catch (e) {
    if (e === DECLINE) return undefined;
    throw e;
  }
}

function isCollection(value: unknown): value is object {
  if (Array.isArray(value)) return true;
  if (value === null || typeof value !== 'object') return false;
  const prototype = Object.getPrototypeOf(value);
  if (prototype !== Object.prototype && prototype !== null) throw DECLINE;
  return true;
}

function isEmpty(value: object): boolean {
  if (Array.isArray(value)) return value.length === 0;
  return entriesOf(value).length === 0;
}

/** A map's pairs as the library makes them: own enumerable keys, undefined values dropped. */
function entriesOf(value: object): [string, unknown][] {
  const entries: [string, unknown][] = [];
  for (const key of Object.keys(value)) {
    const item = (value as Record<string, unknown>)[key];
    if (item !== undefined) entries.push([key, item]);
  }
  return entries;
}

/**
 * Writes a non-empty map or list at `indent` into `lines`; the first line's indent is left to
 * the caller when `firstInline` (a map or list that starts after `- `).
 */
function writeCollection(
  value: object,
  indent: string,
  lines: string[],
  seen: Set<object> | undefined,
  depth: number,
  firstInline = false,
): void {
  if (depth > MAX_DEPTH) throw DECLINE;
  if (seen) {
    // The library would anchor and alias it.
    if (seen.has(value)) throw DECLINE;
    seen.add(value);
  }
  const items: [string | undefined, unknown][] = Array.isArray(value)
    ? value.map(item => {
        if (item === undefined) throw DECLINE;
        return [undefined, item];
      })
    : entriesOf(value);
  items.forEach(([key, item], index) => {
    const lead = firstInline && index === 0 ? '' : indent;
    const head =
      key === undefined ? `${lead}-` : `${lead}${scalar(key, true)}:`;
    if (!isCollection(item)) {
      lines.push(`${head} ${scalar(item, false)}`);
    } else if (isEmpty(item)) {
      lines.push(`${head} ${Array.isArray(item) ? '[]' : '{}'}`);
    } else if (key === undefined) {
      // A list item that is a map or a list starts on the dash's line.
      const start = lines.length;
      writeCollection(item, `${indent}  `, lines, seen, depth + 1, true);
      lines[start] = `${head} ${lines[start]}`;
    } else {
      // A map's value that is a map, or a list (indented under its key), starts on its own line.
      lines.push(head);
      writeCollection(item, `${indent}  `, lines, seen, depth + 1);
    }
  });
}

/** The library's default tags (null, bool, int, float) that a plain string must not look like. */
let scalarTags: { test: RegExp }[] | undefined;

function looksLikeAnotherType(text: string): boolean {
  if (!scalarTags) {
    const tags = new Document().schema.tags as unknown as Array<{
      default?: boolean;
      tag: string;
      test?: RegExp;
    }>;
    scalarTags = tags
      .filter(t => t.default && t.tag !== 'tag:yaml.org,2002:str' && t.test)
      .map(t => ({ test: t.test! }));
  }
  return scalarTags.some(t => t.test.test(text));
}

// The conditions of the library's plainString under which it quotes a one-line string.
const NOT_PLAIN =
  /^[\n\t ,[\]{}#&*!|>'"%@`]|^[?-]$|^[?-][ \t]|[\n:][ \t]|[ \t]\n|[\n\t ]#|[\n\t :]$/;
const DOCUMENT_MARKER = /^(%|---|\.\.\.)/m;
// Printable ASCII without quotes and backslashes: plain or "quoted" is then the whole choice.
const SIMPLE_TEXT = /^[\x20\x21\x23-\x26\x28-\x5b\x5d-\x7e]*$/;

function scalar(value: unknown, isKey: boolean): string {
  if (value === null) return 'null';
  if (typeof value === 'boolean') return value ? 'true' : 'false';
  if (typeof value === 'number') {
    if (!Number.isSafeInteger(value) || Object.is(value, -0)) throw DECLINE;
    return String(value);
  }
  if (typeof value !== 'string') throw DECLINE;
  if (!SIMPLE_TEXT.test(value) || DOCUMENT_MARKER.test(value)) throw DECLINE;
  // An empty key, or one over 1024 characters (written as an explicit `? ` key): the library.
  if (isKey && (value === '' || value.length > 1024)) throw DECLINE;
  if (NOT_PLAIN.test(value) || looksLikeAnotherType(value)) return `"${value}"`;
  return value;
}
