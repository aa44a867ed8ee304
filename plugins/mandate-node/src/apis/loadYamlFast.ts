import {
  defineMappingTag,
  defineScalarTag,
  loadAll,
  NOT_RESOLVED,
  Schema,
  seqTag,
} from 'js-yaml';

/** What {@link loadYamlFast} is asked to read like the yaml package. */
export interface FastYamlReading {
  /**
   * `true`: a duplicate key fails the text, as the yaml package's `uniqueKeys: true` does (the
   * catalog's reading). `false`: the last occurrence wins (the definitions' reading).
   */
  uniqueKeys: boolean;
}

/**
 * The yaml package reads an implicit key of at most 1024 characters; a longer key (or a quoted
 * one close to that) is left to it rather than to a second opinion on where its limit falls.
 */
const MAX_FAST_KEY_LENGTH = 1000;

/** Thrown inside js-yaml to leave the text to the yaml package; never escapes this module. */
const LEAVE_TO_YAML = 'left to the yaml package';

/**
 * A plain scalar of the yaml package's core schema (YAML 1.2), with its resolution copied: the
 * same tests in the same order (null, bool, octal, decimal, hex, .inf/.nan, exponent, float)
 * and the same conversions. An explicitly tagged scalar (`!!str 1`) is not resolved here: the
 * text goes to the yaml package, which reads tags as Backstage does.
 */
function coreScalar<T>(
  tagName: string,
  implicitFirstChars: string[],
  resolve: (source: string) => T | typeof NOT_RESOLVED,
) {
  return defineScalarTag<T>(`tag:yaml.org,2002:${tagName}`, {
    implicit: true,
    implicitFirstChars,
    resolve: (source, isExplicit) =>
      isExplicit ? NOT_RESOLVED : resolve(source),
    identify: () => false,
  });
}

const DIGITS = [...'0123456789'];
const NULL = /^(?:~|[Nn]ull|NULL)?$/;
const BOOL = /^(?:[Tt]rue|TRUE|[Ff]alse|FALSE)$/;
const INT_OCT = /^0o[0-7]+$/;
const INT = /^[-+]?[0-9]+$/;
const INT_HEX = /^0x[0-9a-fA-F]+$/;
const FLOAT_NAN = /^(?:[-+]?\.(?:inf|Inf|INF)|\.nan|\.NaN|\.NAN)$/;
const FLOAT_EXP = /^[-+]?(?:\.[0-9]+|[0-9]+(?:\.[0-9]*)?)[eE][-+]?[0-9]+$/;
const FLOAT = /^[-+]?(?:\.[0-9]+|[0-9]+\.[0-9]*)$/;

const nullTag = coreScalar('null', ['', '~', 'n', 'N'], source =>
  NULL.test(source) ? null : NOT_RESOLVED,
);
const boolTag = coreScalar('bool', ['t', 'T', 'f', 'F'], source =>
  BOOL.test(source) ? source[0] === 't' || source[0] === 'T' : NOT_RESOLVED,
);
const intTag = coreScalar('int', ['-', '+', ...DIGITS], source => {
  if (INT_OCT.test(source)) return parseInt(source.substring(2), 8);
  if (INT.test(source)) return parseInt(source, 10);
  if (INT_HEX.test(source)) return parseInt(source.substring(2), 16);
  return NOT_RESOLVED;
});
const floatTag = coreScalar('float', ['-', '+', '.', ...DIGITS], source => {
  if (FLOAT_NAN.test(source)) {
    if (source.slice(-3).toLowerCase() === 'nan') return NaN;
    return source[0] === '-' ? -Infinity : Infinity;
  }
  if (FLOAT_EXP.test(source) || FLOAT.test(source)) return parseFloat(source);
  return NOT_RESOLVED;
});

/** `!!str` only for quoted and block scalars and unresolved plain ones, never explicitly. */
const strTag = defineScalarTag<string>('tag:yaml.org,2002:str', {
  resolve: (source, isExplicit) => (isExplicit ? NOT_RESOLVED : source),
  identify: (data: unknown) => typeof data === 'string',
});

/**
 * A mapping as the yaml package's `toJS()` builds it: a plain object whose keys are the
 * scalar keys stringified (`null` as ''), `__proto__` an own property, a repeated key keeping
 * its first position with the last value. A collection as key (which that package stringifies
 * as YAML) and a very long key leave the text to the yaml package.
 */
function mapTagFor(uniqueKeys: boolean) {
  return defineMappingTag<Record<string, unknown>>('tag:yaml.org,2002:map', {
    create: () => ({}),
    identify: () => false,
    addPair: (map, key, value) => {
      if (key !== null && typeof key === 'object') return LEAVE_TO_YAML;
      const stringKey = key === null ? '' : String(key);
      if (stringKey.length > MAX_FAST_KEY_LENGTH) return LEAVE_TO_YAML;
      if (stringKey === '__proto__') {
        Object.defineProperty(map, stringKey, {
          value,
          writable: true,
          enumerable: true,
          configurable: true,
        });
      } else {
        map[stringKey] = value;
      }
      return '';
    },
    // With unique keys, two keys that stringify alike fail the text: the yaml package fails
    // only those whose values are equal (`1` and `1.0`, not `1` and `"1"`), so it decides.
    has: (map, key) =>
      uniqueKeys &&
      (key === null || typeof key !== 'object') &&
      Object.prototype.hasOwnProperty.call(
        map,
        key === null ? '' : String(key),
      ),
    keys: map => Object.keys(map),
    get: (map, key) => map[String(key)],
  });
}

function schemaFor(uniqueKeys: boolean): Schema {
  return new Schema([
    strTag,
    seqTag,
    mapTagFor(uniqueKeys),
    nullTag,
    boolTag,
    intTag,
    floatTag,
  ]);
}

const SCHEMAS = { unique: schemaFor(true), lastWins: schemaFor(false) };

/**
 * Texts the fast path does not take, where the differential test found js-yaml more lenient
 * than the yaml package or its reading not provably the same: a directive (`%YAML 1.1`
 * changes the schema), a tab in indentation, a byte order mark, a carriage return not followed
 * by a line feed, an anchor (`&a`, in places the yaml package refuses), a backslash ending a
 * line (an escaped line break in a double-quoted scalar), an explicit (`? `) or empty (`: `)
 * key at the start of a line. Each rare character is looked for before its pattern: one
 * regular expression of all of them costs more than js-yaml's own scan.
 */
const LEFT_TO_YAML: Array<[string | undefined, RegExp]> = [
  ['%', /(?:^|\n)%/],
  ['\t', /(?:^|\n) *\t/],
  ['\uFEFF', /\uFEFF/],
  ['\r', /\r(?!\n)/],
  ['&', /(?:^|[\s[{,])&\S/],
  ['\\', /\\(?:\r?\n|$)/],
  [undefined, /(?:^|\n)[ \t-]*[?:](?:[ \t\r\n]|$)/],
];

function leftToYaml(text: string): boolean {
  return LEFT_TO_YAML.some(
    ([char, pattern]) =>
      (char === undefined || text.includes(char)) && pattern.test(text),
  );
}

/** A definition is one document: a second start, or an end marker, is left to the yaml package. */
const DOCUMENT_MARKERS = /^(?:---|\.\.\.)(?:[ \t\r]|$)/gm;

/**
 * The documents of a YAML text read with js-yaml, about ten times faster than the yaml
 * package, exactly as the yaml package (core schema, `toJS()`) reads them, or `undefined` when
 * this fast path cannot promise that reading and the caller must ask the yaml package: a
 * syntax error or a duplicate key (so that the yaml package's message and line are the ones
 * reported), any alias (counted as that package counts), an explicit tag, a collection or very
 * long key, a directive, a byte order mark, nesting deeper than js-yaml's limit. Equality with
 * the yaml package is pinned by a differential test (loadYamlFast.test.ts).
 */
export function loadYamlFast(
  text: string,
  reading: FastYamlReading,
): unknown[] | undefined {
  if (leftToYaml(text)) return undefined;
  try {
    return loadAll(text, {
      schema: reading.uniqueKeys ? SCHEMAS.unique : SCHEMAS.lastWins,
      json: !reading.uniqueKeys,
      maxAliases: 0,
    });
  } catch {
    return undefined;
  }
}

/**
 * The one document of a definition, read with {@link loadYamlFast} as `parseDocument` of the
 * yaml package reads it (`uniqueKeys: false`: the last key wins), or `undefined` when that
 * package must decide, which includes any text with more than one document marker.
 */
export function loadYamlDocumentFast(
  text: string,
): { value: unknown } | undefined {
  if ((text.match(DOCUMENT_MARKERS)?.length ?? 0) > 1) return undefined;
  const documents = loadYamlFast(text, { uniqueKeys: false });
  return documents?.length === 1 ? { value: documents[0] } : undefined;
}
