import request from 'supertest';
import {
  createBackendModule,
  createServiceFactory,
} from '@backstage/backend-plugin-api';
import {
  mockCredentials,
  mockServices,
  startTestBackend,
} from '@backstage/backend-test-utils';
import { Entity } from '@backstage/catalog-model';
import { catalogServiceRef } from '@backstage/plugin-catalog-node';
import { catalogServiceMock } from '@backstage/plugin-catalog-node/testUtils';
import { AuthorizeResult } from '@backstage/plugin-permission-common';
import { mandateRulesExtensionPoint } from '@mandate-dev/plugin-mandate-node';
import { mandatePlugin } from '../plugin';
import { fixtureCatalog } from '../__testUtils__/fixtureCatalog';
import { mandateTestDatabases } from '../__testUtils__/testDatabases';

jest.setTimeout(120_000);

const databases = mandateTestDatabases();
const user = () => `Bearer ${mockCredentials.user.token()}`;

/** A YAML OpenAPI document that takes the YAML parser a second or so. */
function heavyDefinition(title: string, operations: number): string {
  let text = `openapi: 3.0.0\ninfo: {title: ${title}, version: 1.0.0}\npaths:\n`;
  for (let i = 0; i < operations; i++) {
    text += `  /p${i}:\n    get:\n      responses:\n        '200':\n          description: ok\n        '500':\n          description: failed\n`;
  }
  return text;
}

/** `title` makes the definition distinct: the process caches analyses by content. */
function heavyService(name: string, title: string): Entity[] {
  return [
    {
      apiVersion: 'backstage.io/v1alpha1',
      kind: 'Component',
      metadata: { name },
      spec: {
        type: 'service',
        lifecycle: 'production',
        owner: 'checkout-team',
        providesApis: [`${name}-api`],
      },
    },
    {
      apiVersion: 'backstage.io/v1alpha1',
      kind: 'API',
      metadata: { name: `${name}-api` },
      spec: {
        type: 'openapi',
        lifecycle: 'production',
        owner: 'checkout-team',
        definition: heavyDefinition(title, 4000),
      },
    },
  ];
}

describe.each(databases.eachSupportedId())(
  'a full evaluation on %p',
  databaseId => {
    it('lets requests be answered while definitions are analysed, before the rules run', async () => {
      const order: string[] = [];
      const backend: { server?: Parameters<typeof request>[0] } = {};
      let answered: Promise<void> | undefined;
      let armed = false;

      // The catalog answers the evaluation's first read, then a request is issued: it is served
      // while the evaluation parses definitions, unless the evaluation blocks the event loop.
      const catalog = catalogServiceMock({
        entities: [
          ...fixtureCatalog,
          ...heavyService('heavy-a', `a-${databaseId}`),
          ...heavyService('heavy-b', `b-${databaseId}`),
        ],
      });
      const getEntities = catalog.getEntities.bind(catalog);
      catalog.getEntities = async (...args: Parameters<typeof getEntities>) => {
        const result = await getEntities(...args);
        if (armed && !answered) {
          answered = request(backend.server!)
            .get('/api/mandate/rules')
            .set('Authorization', user())
            .then(response => {
              order.push(`request answered ${response.status}`);
            });
        }
        return result;
      };

      // A custom rule runs on the main thread with the built-in ones: it marks when rules start.
      const marker = createBackendModule({
        pluginId: 'mandate',
        moduleId: 'marker',
        register(env) {
          env.registerInit({
            deps: { rules: mandateRulesExtensionPoint },
            async init({ rules }) {
              rules.addRules({
                id: 'acme.marker',
                tenet: 'operations',
                level: 'gold',
                title: 'Marker',
                description: 'Records that rules run.',
                rationale: 'Test only.',
                remediation: { text: 'None.', snippet: '', language: 'yaml' },
                evaluate: () => {
                  if (!order.includes('rules running'))
                    order.push('rules running');
                  return { status: 'pass' };
                },
              });
            },
          });
        },
      });

      const knex = await databases.init(databaseId);
      const { server } = await startTestBackend({
        features: [
          mandatePlugin,
          marker,
          createServiceFactory({
            service: catalogServiceRef,
            deps: {},
            factory: () => catalog,
          }),
          mockServices.database.factory({ knex }),
          mockServices.scheduler.factory(),
          mockServices.httpAuth.factory({
            defaultCredentials: mockCredentials.none(),
          }),
          mockServices.permissions.factory({ result: AuthorizeResult.ALLOW }),
          mockServices.rootConfig.factory({ data: {} }),
        ],
      });
      backend.server = server;

      armed = true;
      // The mock scheduler runs the evaluation before the 202 is answered.
      const queued = await request(server)
        .post('/api/mandate/evaluate')
        .set('Authorization', user())
        .send({});
      order.push('evaluation done');
      expect(queued.status).toBe(202);
      await answered;

      expect(order).toEqual([
        'request answered 200',
        'rules running',
        'evaluation done',
      ]);
      const heavy = await request(server)
        .get(
          `/api/mandate/entities/${encodeURIComponent(
            'component:default/heavy-a',
          )}`,
        )
        .set('Authorization', user());
      expect(
        heavy.body.results.find(
          (r: { ruleId: string }) => r.ruleId === 'interface.spec-valid',
        ),
      ).toMatchObject({
        status: 'pass',
      });
    });
  },
);
