import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { runMandateCli } from './runMandateCli';

/**
 * `$openapi` through the whole CLI: a multi-file definition scores as the single file it
 * bundles into, and a `$ref` that cannot be bundled is reported, never read.
 */
let dir: string;
const write = (file: string, text: string) => {
  fs.mkdirSync(path.dirname(path.join(dir, file)), { recursive: true });
  fs.writeFileSync(path.join(dir, file), text);
};

const CATALOG = (definition: string) => `apiVersion: backstage.io/v1alpha1
kind: Group
metadata: { name: team-a }
spec: { type: team, children: [], members: [] }
---
apiVersion: backstage.io/v1alpha1
kind: Component
metadata:
  name: orders
  annotations:
    mandate.dev/tier: high
spec:
  type: service
  lifecycle: production
  owner: team-a
  providesApis: [orders-api]
---
apiVersion: backstage.io/v1alpha1
kind: API
metadata: { name: orders-api }
spec:
  type: openapi
  lifecycle: production
  owner: team-a
  definition: ${definition}
`;

const INFO = `openapi: 3.0.3
info: { title: Orders, version: 1.2.0 }
security: [{ oauth2: [] }]
`;

/** The multi-file layout: a root, a path item, shared schemas and responses. */
function writeMultiFile(pathRef = './paths/orders.yaml') {
  write(
    'catalog/api/openapi.yaml',
    `${INFO}paths:
  /orders: { $ref: '${pathRef}' }
components:
  schemas: { $ref: ./components/schemas.yaml }
  responses: { $ref: ./components/responses.yaml }
  securitySchemes:
    oauth2: { type: http, scheme: bearer }
`,
  );
  write(
    'catalog/api/paths/orders.yaml',
    `get:
  operationId: listOrders
  responses:
    '200': { description: ok }
    '429': { $ref: '../components/responses.yaml#/TooMany' }
    '500':
      description: failed
      content:
        application/problem+json:
          schema: { $ref: '../components/schemas.yaml#/Problem' }
`,
  );
  write(
    'catalog/api/components/schemas.yaml',
    `Problem:
  type: object
  properties:
    title: { type: string }
`,
  );
  write(
    'catalog/api/components/responses.yaml',
    `TooMany:
  description: slow down
  content:
    application/problem+json:
      schema: { $ref: './schemas.yaml#/Problem' }
`,
  );
}

/** The same document in one file. */
const SINGLE = `${INFO}paths:
  /orders:
    get:
      operationId: listOrders
      responses:
        '200': { description: ok }
        '429': { $ref: '#/components/responses/TooMany' }
        '500':
          description: failed
          content:
            application/problem+json:
              schema: { $ref: '#/components/schemas/Problem' }
components:
  schemas:
    Problem:
      type: object
      properties:
        title: { type: string }
  responses:
    TooMany:
      description: slow down
      content:
        application/problem+json:
          schema: { $ref: '#/components/schemas/Problem' }
  securitySchemes:
    oauth2: { type: http, scheme: bearer }
`;

async function check() {
  let stdout = '';
  const code = await runMandateCli(
    ['check', path.join(dir, 'catalog'), '--format', 'json'],
    {
      stdout: t => {
        stdout += t;
      },
      stderr: () => {},
      now: () => new Date('2026-11-26T10:00:00.000Z'),
    },
  );
  expect(code).toBe(0);
  const [orders] = JSON.parse(stdout).entities;
  return orders as {
    score: number;
    results: Array<{ ruleId: string; status: string; evidence?: string[] }>;
  };
}

const apiResults = (orders: Awaited<ReturnType<typeof check>>) =>
  Object.fromEntries(
    orders.results
      .filter(
        r => r.ruleId.startsWith('api.') || r.ruleId === 'interface.spec-valid',
      )
      .map(r => [r.ruleId, r.status]),
  );

beforeEach(() => {
  dir = fs.mkdtempSync(path.join(os.tmpdir(), 'mandate-bundled-'));
});
afterEach(() => {
  fs.rmSync(dir, { recursive: true, force: true });
});

describe('mandate check with $openapi', () => {
  it('scores a multi-file definition exactly like the single file it bundles into', async () => {
    write('catalog/catalog.yaml', CATALOG('{ $text: ./single.yaml }'));
    write('catalog/single.yaml', SINGLE);
    const single = await check();

    writeMultiFile();
    write('catalog/catalog.yaml', CATALOG('{ $openapi: ./api/openapi.yaml }'));
    const bundled = await check();

    // The definition's file differs, and only the single file's text has its lines.
    const singleFile = path.relative(
      process.cwd(),
      path.join(dir, 'catalog/single.yaml'),
    );
    const rootFile = path.relative(
      process.cwd(),
      path.join(dir, 'catalog/api/openapi.yaml'),
    );
    const locations = (report: unknown) =>
      JSON.stringify(report).match(/"locations":\[[^\]]*\]/g) ?? [];
    expect(locations(single).join()).toContain(
      `"file":"${singleFile}","line":`,
    );
    expect(locations(bundled).join()).toContain(
      `"file":"${rootFile}","pointer"`,
    );
    const withoutFiles = (report: unknown, file: string) =>
      JSON.parse(
        JSON.stringify(report)
          .split(file)
          .join('<definition>')
          .replace(/,"line":\d+/g, ''),
      );
    expect(withoutFiles(bundled, rootFile)).toEqual(
      withoutFiles(single, singleFile),
    );
    // The fixture exercises the api rules: not every status is an error.
    expect(apiResults(bundled)).toMatchObject({
      'interface.spec-valid': 'pass',
      'api.error-schema': 'pass',
      'api.security': 'pass',
      'api.rate-limited': 'pass',
    });
  });

  it.each([
    ['$text, which never bundles', '{ $text: ./api/openapi.yaml }', undefined],
    [
      '$openapi, when a $ref leaves the paths given',
      '{ $openapi: ./api/openapi.yaml }',
      '../../outside/orders.yaml',
    ],
    [
      '$openapi, when a $ref is a URL',
      '{ $openapi: ./api/openapi.yaml }',
      'https://example.com/orders.yaml',
    ],
    [
      '$openapi, when a $ref names a missing file',
      '{ $openapi: ./api/openapi.yaml }',
      './paths/missing.yaml',
    ],
  ])(
    'reports file $refs as unresolvable with %s',
    async (_, definition, pathRef) => {
      writeMultiFile(pathRef);
      write(
        'outside/orders.yaml',
        "get:\n  responses:\n    '200': { description: ok }\n",
      );
      write('catalog/catalog.yaml', CATALOG(definition));

      const orders = await check();

      const errorSchema = orders.results.find(
        r => r.ruleId === 'api.error-schema',
      );
      expect(errorSchema?.status).toBe('fail');
      expect(errorSchema?.evidence?.join('\n')).toContain('unresolvable $ref');
    },
  );
});
