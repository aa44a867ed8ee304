import { Document } from 'yaml';

/** How {@link stringifyYaml} renders a value. */
export interface StringifyYamlOptions {
  /** A comment line above the document (line breaks become spaces). */
  comment?: string;
  /**
   * Whether an object met twice is written once with an anchor and then as an alias (the
   * library's default); false writes it out each time.
   */
  aliasDuplicateObjects?: boolean;
  /** Where longer strings are folded, as the library's `lineWidth`: 0 never (default), or 80. */
  lineWidth?: 0 | 80;
}

/**
 * Exactly what `new Document(value).toString({ lineWidth })` of the `yaml` package writes.
 * Fix snippets are rendered for every failing result (tens of thousands on a large catalog)
 * and bundled `$openapi` definitions for every such API, and the library's node tree made them
 * most of an evaluation's time and a fifth of loading; so plain data (maps, lists, one-line
 * strings, integers, booleans, null) is written here directly, with the library's own choices
 * of plain or double-quoted strings, and anything else (anchors, line breaks, quotes,
 * non-ASCII text, strings it might fold, ...) is left to the library.
 * stringifyYaml.test.ts compares both on every shape the fast path writes.
 */
export function stringifyYaml(
  value: unknown,
  options: StringifyYamlOptions = {},
): string {
  const aliases = options.aliasDuplicateObjects ?? true;
  const lineWidth = options.lineWidth ?? 0;
  const comment = options.comment
    ? ` ${options.comment.replace(/[\r\n]+/g, ' ')}`
    : undefined;
  const fast = fastYaml(value, aliases, lineWidth);
  if (fast !== undefined) {
    return comment === undefined ? fast : `#${comment}\n\n${fast}`;
  }
  return libraryYaml(value, aliases, lineWidth, comment);
}

/** The library's rendering: the reference, and the way for everything the fast path declines. */
export function libraryYaml(
  value: unknown,
  aliasDuplicateObjects: boolean,
  lineWidth: number,
  comment?: string,
): string {
  const doc = new Document(value, { aliasDuplicateObjects });
  if (comment) doc.commentBefore = comment;
  return doc.toString({ lineWidth });
}

/** Thrown inside the fast path for a value it does not write; never escapes this module. */
const DECLINE = Symbol('decline');

/** Deeper values are rare in fixes; the library handles them (and cycles). */
const MAX_DEPTH = 64;

/** The fast path alone: the library's text, or undefined for a value it leaves to the library. */
export function fastYaml(
  value: unknown,
  aliases: boolean,
  lineWidth: 0 | 80 = 0,
): string | undefined {
  const seen = aliases ? new Set<object>() : undefined;
  const scalar = lineWidth === 0 ? unfolded : foldable;
  try {
    if (isCollection(value)) {
      if (isEmpty(value)) return `${Array.isArray(value) ? '[]' : '{}'}\n`;
      const lines: string[] = [];
      writeCollection(scalar, value, '', lines, seen, 0);
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
  scalar: (value: unknown, isKey: boolean) => string,
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
      writeCollection(
        scalar,
        item,
        `${indent}  `,
        lines,
        seen,
        depth + 1,
        true,
      );
      lines[start] = `${head} ${lines[start]}`;
    } else {
      // A map's value that is a map, or a list (indented under its key), starts on its own line.
      lines.push(head);
      writeCollection(scalar, item, `${indent}  `, lines, seen, depth + 1);
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

function unfolded(value: unknown, isKey: boolean): string {
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

/**
 * A scalar as `lineWidth: 80` writes it: the library folds a line only at a space, and never a
 * text of at most 21 characters (its minimum content width + 1), so anything else declines.
 */
function foldable(value: unknown, isKey: boolean): string {
  const text = unfolded(value, isKey);
  if (!isKey && text.length > 21 && text.includes(' ')) throw DECLINE;
  return text;
}
