import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import request from 'supertest';
import {
  mockCredentials,
  mockServices,
  startTestBackend,
} from '@backstage/backend-test-utils';
import catalogPlugin from '@backstage/plugin-catalog-backend';
// The test runs the real Mandate backend next to this module: the point is that they agree.
// eslint-disable-next-line @backstage/no-mixed-plugin-imports
import mandatePlugin from '@mandate-dev/plugin-mandate-backend';
import { runMandateCli } from '@mandate-dev/plugin-mandate-node';
import { catalogModuleMandate } from '../catalogModuleMandate';

jest.setTimeout(120_000);

/**
 * Issue 11's "done when": a multi-file spec read with `$openapi` scores the same in the CLI and
 * in the portal. The portal here is the real catalog backend with this module (which provides
 * `$openapi` for file locations) and the real Mandate backend, on a file location holding:
 *
 *   catalog/catalog.yaml             a team, two services, their two APIs
 *   catalog/orders/openapi.yaml      a multi-file definition: paths/ and components/
 *   catalog/billing/openapi.yaml     the same, but one $ref names a file that does not exist
 *   outside.yaml                     a path item outside the catalog, that a $ref points at
 */
let root: string;
const write = (file: string, content: string) => {
  fs.mkdirSync(path.dirname(path.join(root, file)), { recursive: true });
  fs.writeFileSync(path.join(root, file), content);
};

const service = (name: string) => `---
apiVersion: backstage.io/v1alpha1
kind: Component
metadata:
  name: ${name}
  annotations:
    mandate.dev/tier: high
    mandate.dev/slo: '99.9'
    mandate.dev/key-metrics: availability
spec:
  type: service
  lifecycle: production
  owner: team-a
  providesApis: [${name}-api]
---
apiVersion: backstage.io/v1alpha1
kind: API
metadata: { name: ${name}-api }
spec:
  type: openapi
  lifecycle: production
  owner: team-a
  definition:
    $openapi: ./${name}/openapi.yaml
`;

function writeDefinition(dir: string, extraPaths: string) {
  write(
    `catalog/${dir}/openapi.yaml`,
    `openapi: 3.0.3
info: { title: ${dir}, version: 1.2.0 }
security: [{ oauth2: [] }]
paths:
  /orders: { $ref: ./paths/orders.yaml }
${extraPaths}components:
  schemas: { $ref: ./components/schemas.yaml }
  securitySchemes:
    oauth2: { type: http, scheme: bearer }
`,
  );
  write(
    `catalog/${dir}/paths/orders.yaml`,
    `get:
  operationId: listOrders
  responses:
    '200': { description: ok }
    '429':
      description: slow down
      content:
        application/problem+json:
          schema: { $ref: '../components/schemas.yaml#/Problem' }
    '500':
      description: failed
      content:
        application/problem+json:
          schema: { $ref: '../components/schemas.yaml#/Problem' }
`,
  );
  write(
    `catalog/${dir}/components/schemas.yaml`,
    'Problem:\n  type: object\n  properties:\n    title: { type: string }\n',
  );
}

const user = () => `Bearer ${mockCredentials.user.token()}`;

type Report = {
  entityRef: string;
  score: number;
  results: Array<{ ruleId: string; status: string }>;
};
const statuses = (report: Report) =>
  Object.fromEntries(report.results.map(r => [r.ruleId, r.status]));

async function cliReports(): Promise<Report[]> {
  let stdout = '';
  const code = await runMandateCli(
    ['check', path.join(root, 'catalog'), '--format', 'json'],
    {
      stdout: t => {
        stdout += t;
      },
      stderr: () => {},
      // No app-config.yaml there: the CLI runs with the same (empty) Mandate config as the
      // portal below, wherever jest runs from.
      cwd: root,
    },
  );
  expect(code).toBe(0);
  return JSON.parse(stdout).entities;
}

beforeAll(() => {
  root = fs.realpathSync(
    fs.mkdtempSync(path.join(os.tmpdir(), 'mandate-openapi-')),
  );
  write(
    'catalog/catalog.yaml',
    `apiVersion: backstage.io/v1alpha1
kind: Group
metadata: { name: team-a }
spec: { type: team, children: [], members: [] }
${service('orders')}${service('billing')}`,
  );
  writeDefinition('orders', '');
  writeDefinition(
    'billing',
    '  /invoices: { $ref: ./paths/missing.yaml }\n  /secret: { $ref: ../../outside.yaml }\n',
  );
  write('outside.yaml', "get:\n  responses:\n    '200': { description: ok }\n");
});

afterAll(() => {
  fs.rmSync(root, { recursive: true, force: true });
});

describe('$openapi in the portal and in the CLI', () => {
  it('scores multi-file definitions the same, rule by rule', async () => {
    const { server } = await startTestBackend({
      features: [
        catalogPlugin,
        catalogModuleMandate,
        mandatePlugin,
        mockServices.rootConfig.factory({
          data: {
            catalog: {
              rules: [{ allow: ['Component', 'API', 'Group', 'Location'] }],
              locations: [
                {
                  type: 'file',
                  target: path.join(root, 'catalog', 'catalog.yaml'),
                },
              ],
            },
          },
        }),
      ],
    });

    // Wait until the catalog has processed both APIs (their definitions are then text).
    const definitionOf = async (name: string) => {
      const response = await request(server)
        .get(`/api/catalog/entities/by-name/api/default/${name}`)
        .set('Authorization', user());
      return response.body?.spec?.definition;
    };
    for (let i = 0; i < 200; i++) {
      const definitions = [
        await definitionOf('orders-api'),
        await definitionOf('billing-api'),
      ];
      if (definitions.every(d => typeof d === 'string')) break;
      await new Promise(r => setTimeout(r, 250));
    }
    const orders = await definitionOf('orders-api');
    expect(typeof orders).toBe('string');
    // Bundled: the path item and the schema are in the document, not behind file $refs.
    expect(orders).toContain('operationId: listOrders');
    expect(orders).not.toContain('.yaml');
    // The $refs that cannot be bundled stay as written; the file outside is not read.
    const billing = await definitionOf('billing-api');
    expect(billing).toContain('./paths/missing.yaml');
    expect(billing).toContain('../../outside.yaml');

    const queued = await request(server)
      .post('/api/mandate/evaluate')
      .set('Authorization', user())
      .send({});
    expect(queued.status).toBe(202);
    const job = await request(server)
      .get(`/api/mandate/evaluations/${queued.body.id}`)
      .set('Authorization', user());
    expect(job.body.status).toBe('succeeded');

    const cli = await cliReports();
    for (const name of ['orders', 'billing']) {
      const ref = `component:default/${name}`;
      const portal = await request(server)
        .get(`/api/mandate/entities/${encodeURIComponent(ref)}`)
        .set('Authorization', user());
      expect(portal.status).toBe(200);
      const offline = cli.find(report => report.entityRef === ref)!;
      expect(statuses(portal.body)).toEqual(statuses(offline));
      expect(portal.body.score).toBe(offline.score);
    }
    // The two services differ where the unresolvable $refs matter.
    const [ordersCli, billingCli] = ['orders', 'billing'].map(
      name => cli.find(r => r.entityRef === `component:default/${name}`)!,
    );
    expect(statuses(ordersCli)['api.error-schema']).toBe('pass');
    expect(statuses(billingCli)['api.error-schema']).toBe('fail');
  });
});
