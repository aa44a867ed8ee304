import { NotOpenApi, OpenApiDocument } from './OpenApiDocument';

const parse = (text: string) => {
  const parsed = OpenApiDocument.parse(text);
  if ('notOpenApi' in parsed) {
    throw new Error(parsed.notOpenApi);
  }
  return parsed;
};

describe('OpenApiDocument', () => {
  it('lists operations in document order, resolving local path-item $refs', () => {
    const document = parse(`
openapi: 3.1.0
paths:
  /pets:
    $ref: '#/components/pathItems/Pets'
    delete: {}
  /owners:
    get: {}
    trace: {}
    parameters: []
  x-hidden: { get: {} }
webhooks:
  onPet: { post: {} }
components:
  pathItems:
    Pets: { get: {}, post: {} }
`);
    expect(document.version).toBe('3');
    expect(document.operations.map(operation => operation.label)).toEqual([
      'GET /pets',
      'POST /pets',
      'DELETE /pets',
      'GET /owners',
      'TRACE /owners',
    ]);
  });

  it('ignores trace in 2.0 and reports path items it cannot resolve', () => {
    const document = parse(`
swagger: '2.0'
paths:
  /a: { trace: {}, head: {} }
  /b: { $ref: 'paths.yaml#/b' }
`);
    expect(document.operations.map(operation => operation.label)).toEqual([
      'HEAD /a',
    ]);
    expect(document.unresolvablePathItems).toEqual([
      '/b: unresolvable $ref "paths.yaml#/b"',
    ]);
  });

  it('reads JSON, keeps the last of duplicate keys, and tolerates many aliases', () => {
    expect(
      parse(
        '{"openapi": "3.0.0", "paths": {"/a": {"get": {}}, "/a": {"put": {}}}}',
      ).operations.map(operation => operation.label),
    ).toEqual(['PUT /a']);
    expect(
      parse(
        'openapi: 3.0.0\npaths:\n  /a: {get: {}}\n  /a: {post: {}}\n',
      ).operations.map(operation => operation.label),
    ).toEqual(['POST /a']);
    const paths = Array.from({ length: 500 }, (_, i) => `  /p${i}: *item`).join(
      '\n',
    );
    const document = parse(
      `openapi: 3.0.0\nx-item: &item {get: {responses: {'200': {}}}}\npaths:\n${paths}\n`,
    );
    expect(document.operations).toHaveLength(500);
  });

  it('rejects alias bombs instead of expanding them', () => {
    let text =
      'openapi: 3.0.0\nx-a0: &a0 [lol, lol, lol, lol, lol, lol, lol, lol, lol, lol]\n';
    for (let i = 1; i < 10; i++) {
      text += `x-a${i}: &a${i} [${Array(10)
        .fill(`*a${i - 1}`)
        .join(', ')}]\n`;
    }
    expect(reasonOf(OpenApiDocument.parse(`${text}paths: {}\n`))).toEqual({
      notOpenApi: expect.stringMatching(
        /^not valid YAML or JSON: Excessive alias count/,
      ),
    });
  });

  it.each([
    ['openapi: 3.0\npaths: {}', 'openapi 3 is not a string 3.x[.y]'],
    ["openapi: '3'\npaths: {}", 'openapi "3" is not a string 3.x[.y]'],
    ["openapi: '4.0.0'\npaths: {}", 'openapi "4.0.0" is not a string 3.x[.y]'],
    ['swagger: 2.0\npaths: {}', 'swagger 2 is not the string "2.0"'],
    ['paths: {}', 'neither an openapi nor a swagger key'],
    ['just text', 'not a YAML/JSON mapping'],
  ])('rejects %j', (text, reason) => {
    expect(reasonOf(OpenApiDocument.parse(text))).toEqual({
      notOpenApi: `not an OpenAPI document: ${reason}`,
    });
  });

  it.each([
    ['openapi: 3.1\npaths: {}', '/openapi', { openapi: '3.1' }, false],
    ['openapi: 3.0\npaths: {}', '/openapi', { openapi: '3.0.3' }, true],
    ['swagger: 2.0\npaths: {}', '/swagger', { swagger: '2.0' }, false],
    [
      'title: Orders\nsummary: to be written',
      '',
      {
        openapi: '3.0.3',
        info: { title: 'Orders', version: '1.0.0' },
        paths: {},
      },
      true,
    ],
  ])(
    'says where %j is wrong and what makes it a document',
    (text, pointer, edit, decision) => {
      const parsed = OpenApiDocument.parse(text) as NotOpenApi;
      expect(parsed.pointer).toBe(pointer);
      expect(parsed.fix.edit).toEqual(edit);
      expect(parsed.fix.decision ?? false).toBe(decision);
    },
  );

  it('gives the line of a syntax error', () => {
    const parsed = OpenApiDocument.parse(
      'openapi: 3.0.3\ninfo:\n  title: [unclosed\npaths: {}\n',
    ) as NotOpenApi;
    expect(parsed.notOpenApi).toMatch(/^not valid YAML or JSON/);
    expect(parsed.line).toBeGreaterThanOrEqual(3);
    expect(parsed.fix.text).toMatch(/^Correct the syntax at line \d+: /);
    expect(parsed.fix.decision).toBe(true);
  });
});

/** Only the reason a text is not an OpenAPI document (the fix is asserted on its own). */
function reasonOf(parsed: OpenApiDocument | NotOpenApi) {
  return 'notOpenApi' in parsed ? { notOpenApi: parsed.notOpenApi } : parsed;
}
