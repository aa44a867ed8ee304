import { writeJsonReport } from './writeJsonReport';

function written(output: object) {
  const chunks: string[] = [];
  writeJsonReport(output, text => chunks.push(text));
  return { text: chunks.join(''), writes: chunks.length };
}

const entity = (i: number) => ({
  entityRef: `component:default/svc-${i}`,
  source: { file: 'teams/a/catalog-info.yaml', line: i + 1 },
  owner: null,
  level: 'bronze',
  results: [
    {
      ruleId: 'api.rate-limited',
      status: 'fail',
      message: 'line\nbreak, "quotes", tab\t, ünïcödé, \u2028',
      evidence: [],
      fix: { text: 't', snippet: 'a: 1\n', nested: [[], {}, [{ x: [1] }]] },
    },
  ],
});

describe('writeJsonReport', () => {
  it.each([
    [
      'a report',
      {
        rulebookVersion: '1.1',
        generatedAt: 'x',
        entities: [entity(0), entity(1)],
      },
    ],
    ['no entities', { rulebookVersion: '1.1', entities: [] }],
    [
      'warnings after the entities',
      { entities: [entity(0)], warnings: ['w "1"', 'w2'] },
    ],
    [
      'members JSON leaves out',
      { a: undefined, entities: [entity(0)], f: () => 1, n: null },
    ],
    ['items JSON writes as null', { entities: [undefined, entity(1)] }],
    ['an empty object', {}],
    ['entities that are not a list', { entities: { a: 1 } }],
  ])('writes %s as JSON.stringify(…, null, 2) does', (_, output) => {
    expect(written(output).text).toBe(`${JSON.stringify(output, null, 2)}\n`);
  });

  it.each([0, 1, 600])(
    'writes %p entities given lazily (a generator) as the array they make',
    count => {
      const list = Array.from({ length: count }, (_, i) => entity(i));
      let pulled = 0;
      const lazily = (function* each() {
        for (const item of list) {
          pulled += 1;
          yield item;
        }
      })();
      const { text } = written({ rulebookVersion: '1.1', entities: lazily });
      expect(text).toBe(
        `${JSON.stringify(
          { rulebookVersion: '1.1', entities: list },
          null,
          2,
        )}\n`,
      );
      expect(pulled).toBe(count);
    },
  );

  it('writes a large report in parts, the same bytes', () => {
    const output = {
      rulebookVersion: '1.1',
      entities: Array.from({ length: 6001 }, (_, i) => entity(i)),
    };
    const { text, writes } = written(output);
    expect(text).toBe(`${JSON.stringify(output, null, 2)}\n`);
    expect(writes).toBeGreaterThan(1);
  });
});
