import { Document } from 'yaml';
import { seededRandom } from '../../bench/generateSyntheticCatalog';
import { fastYaml, libraryYaml, stringifyYaml } from './stringifyYaml';

/** What fixes and bundles were rendered with before stringifyYaml: the `yaml` package itself. */
function reference(
  value: unknown,
  aliases: boolean,
  comment?: string,
  lineWidth: 0 | 80 = 0,
) {
  const doc = new Document(value, { aliasDuplicateObjects: aliases });
  if (comment) doc.commentBefore = ` ${comment.replace(/[\r\n]+/g, ' ')}`;
  return doc.toString({ lineWidth });
}

/** Both renderings in use: fixes (lineWidth 0) and bundled definitions (the default, 80). */
const WIDTHS = [0, 80] as const;

const STRINGS = [
  '',
  'plain',
  'two words',
  '1000/min',
  '99.95',
  '99.9%',
  '42',
  '-1',
  '0x1F',
  '0o17',
  '1e3',
  '.inf',
  '.NaN',
  'true',
  'False',
  'NULL',
  'null',
  '~',
  'yes',
  'on',
  'component:default/checkout',
  'https://wiki.example.com/svc-1',
  '/svc-1/resource-0/{id}',
  '{id}',
  '[x]',
  'a: b',
  'ends with colon:',
  'a #comment',
  'a#b',
  '#start',
  '- dash',
  '-',
  '?',
  '? q',
  'x-request-id',
  ' leading',
  'trailing ',
  '---',
  '--- doc',
  '...',
  '%TAG',
  '@at',
  '`tick',
  '&anchor',
  '*alias',
  '!tag',
  '|pipe',
  '>fold',
  ',comma',
  "it's",
  'say "hi"',
  'back\\slash',
  'line\nbreak',
  'tab\there',
  'café',
  'a'.repeat(300),
  'b'.repeat(1100),
  'twenty one characters',
  'twenty-two characters!',
  'a few words that make a line longer than eighty characters once it is indented a bit',
  `${'word '.repeat(30)}end`,
];

const NUMBERS = [0, 1, -7, 99.95, 1e21, -0, Number.NaN, 2 ** 60];

function randomValue(random: () => number, depth: number): unknown {
  const pick = <T>(items: readonly T[]) =>
    items[Math.floor(random() * items.length)];
  const roll = random();
  if (depth > 3 || roll < 0.45) {
    return pick<unknown>([
      ...STRINGS,
      ...NUMBERS,
      true,
      false,
      null,
      undefined,
    ]);
  }
  const size = Math.floor(random() * 4);
  if (roll < 0.7) {
    return Array.from({ length: size }, () => randomValue(random, depth + 1));
  }
  const map: Record<string, unknown> = {};
  for (let i = 0; i < size; i++) {
    map[pick(STRINGS)] = randomValue(random, depth + 1);
  }
  return map;
}

describe('stringifyYaml', () => {
  it.each([
    ['an annotations edit', { metadata: { annotations: { a: 'b', c: '' } } }],
    [
      'an API edit with numeric and templated keys',
      {
        paths: {
          '/svc-1/resource-0/{id}': {
            get: {
              responses: {
                '429': {
                  description: 'too many requests',
                  content: {
                    'application/problem+json': {
                      schema: { $ref: '#/components/schemas/Problem' },
                    },
                  },
                },
              },
            },
          },
        },
      },
    ],
    ['lists in lists and maps in lists', [[1, [2, []]], { a: [{}, { b: 1 }] }]],
    ['empty collections', { a: {}, b: [], c: [{}, []] }],
    ['undefined map values', { a: undefined, b: { c: undefined } }],
    ['an undefined list item', [1, undefined]],
    ['a top-level scalar', 42],
    ['a top-level string', 'text'],
    ['a top-level null', null],
    ['a date', { at: new Date('2026-01-01T00:00:00Z') }],
    ['a map', { m: new Map([['a', 1]]) }],
  ])('writes %s as the yaml package does', (_, value) => {
    for (const aliases of [true, false]) {
      for (const lineWidth of WIDTHS) {
        expect(
          stringifyYaml(value, { aliasDuplicateObjects: aliases, lineWidth }),
        ).toBe(reference(value, aliases, undefined, lineWidth));
        expect(
          stringifyYaml(value, {
            aliasDuplicateObjects: aliases,
            comment: 'Option 1:\nmake it soft',
            lineWidth,
          }),
        ).toBe(reference(value, aliases, 'Option 1:\nmake it soft', lineWidth));
      }
    }
  });

  it.each(STRINGS.map(s => [JSON.stringify(s), s]))(
    'writes the string %s as a key, a value and a list item as the yaml package does',
    (_, text) => {
      const deep = { a: { b: { c: { d: { e: { f: [{ g: text }] } } } } } };
      for (const value of [
        { [text]: 1 },
        { key: text },
        [text],
        { a: [text] },
        deep,
      ]) {
        for (const lineWidth of WIDTHS) {
          expect(stringifyYaml(value, { lineWidth })).toBe(
            reference(value, true, undefined, lineWidth),
          );
        }
      }
    },
  );

  it('aliases an object met twice only when asked to, as the yaml package does', () => {
    const shared = { description: 'ok' };
    const value = { a: shared, b: [shared] };
    expect(stringifyYaml(value)).toBe(reference(value, true));
    expect(stringifyYaml(value)).toContain('*');
    expect(stringifyYaml(value, { aliasDuplicateObjects: false })).toBe(
      reference(value, false),
    );
  });

  it('agrees with the yaml package on random values', () => {
    const random = seededRandom(11);
    for (let i = 0; i < 3000; i++) {
      const value = randomValue(random, 0);
      const aliases = random() < 0.5;
      const comment = random() < 0.3 ? 'a comment' : undefined;
      expect(
        stringifyYaml(value, { aliasDuplicateObjects: aliases, comment }),
      ).toBe(reference(value, aliases, comment));
    }
  });

  it('writes the usual fix shapes itself, leaving only the rest to the library', () => {
    const edit = {
      metadata: { annotations: { 'mandate.dev/tier': 'high' } },
      spec: { dependsOn: ['component:default/a'], rate: '1000/min' },
      paths: { '/a/{id}': { get: { responses: { '429': { $ref: '#/x' } } } } },
    };
    expect(fastYaml(edit, true)).toBe(libraryYaml(edit, true, 0));
    expect(fastYaml(edit, true, 80)).toBe(libraryYaml(edit, true, 80));
    expect(fastYaml({ text: 'line\nbreak' }, true)).toBeUndefined();
    const shared = {};
    expect(fastYaml({ a: [1], b: [shared, shared] }, false)).toBe(
      libraryYaml({ a: [1], b: [shared, shared] }, false, 0),
    );
    const twice = { x: 1 };
    expect(fastYaml([twice, twice], true)).toBeUndefined();
  });
});
