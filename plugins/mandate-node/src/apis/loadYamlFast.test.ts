import fs from 'node:fs';
import path from 'node:path';
import { parseAllDocuments, parseDocument } from 'yaml';
import { loadYamlDocumentFast, loadYamlFast } from './loadYamlFast';

/**
 * The yaml package's readings: the catalog's (`parseAllDocuments`, `uniqueKeys: true`,
 * Backstage's alias limit), of which empty documents do not matter (they are no entity), and
 * the definitions' (`parseDocument`, `uniqueKeys: false`, as parseDefinition reads).
 */
function catalogReading(text: string): string[] | 'error' {
  const documents = parseAllDocuments(text, {
    uniqueKeys: true,
    logLevel: 'error',
  });
  if (documents.some(doc => doc.errors.length > 0)) return 'error';
  try {
    return documents
      .map(doc => doc.toJS({ maxAliasCount: 100 }))
      .filter(value => value !== null)
      .map(exactly);
  } catch {
    return 'error';
  }
}

function definitionReading(text: string): string {
  const document = parseDocument(text, {
    uniqueKeys: false,
    logLevel: 'error',
  });
  if (document.errors.length > 0) return 'error';
  return exactly(document.toJS({ maxAliasCount: 10_000 }));
}

/** A value written out with its key order, -0, NaN and prototypes: `toEqual` ignores some. */
function exactly(value: unknown): string {
  if (typeof value === 'number') {
    return Object.is(value, -0) ? '-0' : String(value);
  }
  if (typeof value !== 'object' || value === null) {
    return `${typeof value}:${JSON.stringify(value)}`;
  }
  if (Array.isArray(value)) return `[${value.map(exactly).join(',')}]`;
  if (Object.getPrototypeOf(value) !== Object.prototype)
    return 'not-a-plain-object';
  return `{${Object.keys(value)
    .map(key => `${JSON.stringify(key)}:${exactly((value as any)[key])}`)
    .join(',')}}`;
}

/** The fast path reads `text` as the yaml package does, or leaves it to that package. */
function expectSameReading(text: string) {
  const fast = loadYamlFast(text, { uniqueKeys: true });
  if (fast) {
    expect({ text, catalog: catalogReading(text) }).toEqual({
      text,
      catalog: fast.filter(value => value !== null).map(exactly),
    });
  }
  const definition = loadYamlDocumentFast(text);
  if (definition) {
    expect({ text, definition: definitionReading(text) }).toEqual({
      text,
      definition: exactly(definition.value),
    });
  }
}

function seeded(seed: number) {
  let state = seed >>> 0;
  return () => {
    state = (state * 1664525 + 1013904223) >>> 0;
    return state / 2 ** 32;
  };
}

/** Scalars where YAML 1.1, YAML 1.2 core and js-yaml's own schemas disagree, and syntax. */
const SCALARS = [
  '1',
  '-0',
  '+1',
  '007',
  '0o17',
  '0o8',
  '0x1F',
  '0X1f',
  '0b101',
  '1_000',
  '12:30',
  '1:20:30',
  '.5',
  '5.',
  '-.5',
  '1e3',
  '1E-3',
  '1.5e+3',
  '.inf',
  '-.Inf',
  '+.INF',
  '.nan',
  '.NaN',
  'NaN',
  '~',
  'null',
  'Null',
  'NULL',
  'nULL',
  'true',
  'True',
  'TRUE',
  'tRUE',
  'false',
  'yes',
  'No',
  'on',
  'OFF',
  'y',
  'n',
  '2001-12-14',
  '2001-12-14t21:59:43.10-05:00',
  '<<',
  '=',
  'a b',
  'a:b',
  'a#b',
  'x: y',
  'x #y',
  '- x',
  '? x',
  "it's",
  '"q"',
  "'q'",
  '\\n',
  '\\x41',
  '\\u00e9',
  'ü',
  '😀',
  '',
  ' ',
  'a\tb',
  '@a',
  '`a',
  '%a',
  '!a',
  '&a',
  '*a',
  '|',
  '>',
  '[a]',
  '{a: 1}',
  '__proto__',
  'constructor',
  'toString',
  '9007199254740993',
  '0.1',
  '-',
  '--- x',
  '...',
  'a\nb',
  'k'.repeat(1030),
  '{{ .Values.image }}',
  '{{- include "x" . | nindent 4 }}',
  'a\n  b',
  'a # c',
  '&anchor a',
  '! a',
  '!!str a',
  '!!int 1',
  '!local a',
  '|2',
  '|+',
  '>+',
  '- - a',
  'a: - b',
  '"a\\\n b"',
  "'a\n\n b'",
  '[a, b',
  '{a',
  'a]',
  'a}',
  ',',
  '1,2',
  'http://x.y/z?a=1&b=2#f',
  '*bold*',
  'C:\\dir',
  '\t',
];

function scalar(random: () => number): string {
  const value = SCALARS[Math.floor(random() * SCALARS.length)];
  const style = random();
  if (style < 0.55) return value; // plain, even when that is not valid YAML
  if (style < 0.75) return `'${value.replace(/'/g, "''")}'`;
  if (style < 0.95) return JSON.stringify(value);
  return `"${value}"`; // escapes as written, valid or not
}

function flow(random: () => number, depth: number): string {
  const r = random();
  if (depth > 2 || r < 0.5) return scalar(random);
  const items = Array.from({ length: Math.floor(random() * 4) }, () =>
    random() < 0.5
      ? flow(random, depth + 1)
      : `${scalar(random)}: ${flow(random, depth + 1)}`,
  );
  return r < 0.75 ? `[${items.join(', ')}]` : `{${items.join(', ')}}`;
}

function block(random: () => number, indent: string, depth: number): string {
  const lines: string[] = [];
  const count = 1 + Math.floor(random() * 4);
  const asSequence = random() < 0.3;
  for (let i = 0; i < count; i++) {
    const lead = asSequence ? `${indent}- ` : `${indent}${scalar(random)}:`;
    const r = random();
    if (depth < 3 && r < 0.35) {
      lines.push(
        asSequence ? `${indent}-` : lead,
        block(random, `${indent}  `, depth + 1),
      );
    } else if (r < 0.45) {
      lines.push(
        `${lead}${asSequence ? '' : ' '}|`,
        `${indent}  ${scalar(random)}`,
        `${indent}  ${scalar(random)}`,
      );
    } else if (r < 0.5) {
      lines.push(
        `${lead}${asSequence ? '' : ' '}>-`,
        `${indent}  ${scalar(random)}`,
        '',
        `${indent}  ${scalar(random)}`,
      );
    } else if (r < 0.55) {
      lines.push(
        `${lead} ${scalar(random)} # a comment`,
        `${indent}  ${scalar(random)}`,
      );
    } else {
      lines.push(`${lead}${asSequence ? '' : ' '}${flow(random, depth)}`);
    }
  }
  return lines.join('\n');
}

/** A random stream of documents, sometimes damaged by a random edit (syntax errors). */
function randomYaml(random: () => number): string {
  const documents = Array.from({ length: 1 + Math.floor(random() * 3) }, () =>
    random() < 0.9 ? block(random, '', 0) : flow(random, 0),
  );
  let text = documents.join(random() < 0.5 ? '\n---\n' : '\n--- # next\n');
  if (random() < 0.3) {
    const at = Math.floor(random() * text.length);
    const edits = [
      ' ',
      '\t',
      '\n',
      ':',
      '-',
      '"',
      "'",
      '[',
      '{',
      '}',
      ',',
      '#',
      '&a ',
      '*a',
      '\r\n',
    ];
    text =
      random() < 0.5
        ? text.slice(0, at) + text.slice(at + 1)
        : text.slice(0, at) +
          edits[Math.floor(random() * edits.length)] +
          text.slice(at);
  }
  if (random() < 0.2) text = text.replace(/\n/g, '\r\n');
  return random() < 0.5 ? `${text}\n` : text;
}

describe('loadYamlFast reads as the yaml package does, or leaves the text to it', () => {
  it('on the edge cases of the rulebook readings', () => {
    const cases = [
      'a: 1\na: 2\n', // duplicate key
      '1: a\n"1": b\n', // the same key as a string: no duplicate for the yaml package
      '1: a\n1.0: b\n', // equal values: a duplicate for the yaml package
      'x: &x 1\ny: *x\n', // an alias
      `uses: [${Array(101).fill('*x').join(', ')}]\nx: &x 1\n`,
      '<<: {a: 1}\nb: 2\n', // a merge key without an alias is a plain key in YAML 1.2
      'base: &b {a: 1}\nc:\n  <<: *b\n',
      '%YAML 1.1\n---\na: yes\n', // YAML 1.1 booleans only under the 1.1 directive
      'a: yes\nb: on\nc: 2001-12-14\n',
      '!!str 1\n',
      '! 1\n',
      '!custom {a: 1}\n',
      '\uFEFFa: 1\n', // byte order mark
      'a: 1\n---\n\uFEFFb: 2\n',
      'a: 1\r\nb:\r\n  - 2\r\n', // CRLF
      'a: |\r\n  x\r\n  y\r\n',
      '{a: 1}: 2\n', // a collection as key
      '? [a, b]\n: c\n',
      '~: 1\nnull: 2\n',
      ': empty key\n',
      '__proto__: 1\n',
      'a:\n  b: [1,\n2]\n', // a flow collection not indented enough
      'a: [1,\n  2]\n',
      `${'k'.repeat(1025)}: 1\n`,
      `"${'k'.repeat(1025)}": 1\n`,
      'a:\tb\n',
      '\ta: 1\n',
      'a: "\\x41\\u00e9\\U0001F600\\/\\ "\n',
      'a: "\\q"\n',
      "a: 'it''s'\n",
      'a: b: c\n',
      'a: [b: c]\n',
      '- a\nb: c\n',
      '--- |\n  text\n',
      '---\n...\n---\n',
      '',
      '# only a comment\n',
      '...\n',
      `${'['.repeat(150)}${']'.repeat(150)}\n`,
      'a: 9007199254740993\nb: -0\nc: 0o17\nd: 0x1F\ne: 1_000\nf: .NaN\ng: -.inf\n',
      'a: !!int "1"\n',
      '- - a:  &anchor a: {}\n', // an anchor where the yaml package refuses a mapping
      '"a\\\n\r\n b"', // an escaped line break, then CRLF
      '...\n---\n- x\n', // two documents for the yaml package
      'a: 1\r\n---\r\r\n b: 2\n', // a lone carriage return
      'a: "multi\n  line"\nb: plain\n  continued\n',
    ];
    cases.forEach(expectSameReading);
    expect(loadYamlDocumentFast('---\nopenapi: 3.0.0\n')).toEqual({
      value: { openapi: '3.0.0' },
    });
    expect(loadYamlDocumentFast('a: 1\na: 2\n')).toEqual({ value: { a: 2 } });
    expect(loadYamlDocumentFast('...\n---\na: 1\n')).toBeUndefined();
    // The fast path must actually be taken on the common case.
    expect(loadYamlFast('a: 1\nb: [x, 2.5]\n', { uniqueKeys: true })).toEqual([
      { a: 1, b: ['x', 2.5] },
    ]);
  });

  it('on 20,000 random streams of documents, some damaged', () => {
    const random = seeded(11);
    let fast = 0;
    for (let i = 0; i < 20_000; i++) {
      const text = randomYaml(random);
      expectSameReading(text);
      if (loadYamlFast(text, { uniqueKeys: true })) fast += 1;
    }
    // A generator whose documents all fell back would prove nothing.
    expect(fast).toBeGreaterThan(1500);
  });

  it('on the demo catalog', () => {
    const root = path.resolve(__dirname, '../../../../catalog');
    const files: string[] = [];
    const walk = (dir: string) => {
      for (const entry of fs.readdirSync(dir, { withFileTypes: true })) {
        const file = path.join(dir, entry.name);
        if (entry.isDirectory()) walk(file);
        else if (/\.ya?ml$/.test(entry.name)) files.push(file);
      }
    };
    walk(root);
    expect(files.length).toBeGreaterThan(10);
    for (const file of files) expectSameReading(fs.readFileSync(file, 'utf8'));
  });
});
