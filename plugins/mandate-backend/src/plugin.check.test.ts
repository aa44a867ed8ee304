import request from 'supertest';
import {
  mockCredentials,
  mockServices,
  startTestBackend,
} from '@backstage/backend-test-utils';
import { createBackendModule } from '@backstage/backend-plugin-api';
import { Entity } from '@backstage/catalog-model';
import { catalogServiceMock } from '@backstage/plugin-catalog-node/testUtils';
import { CheckResponse } from '@mandate-dev/plugin-mandate-common';
import {
  MandateRule,
  mandateRulesExtensionPoint,
  builtInRules,
} from '@mandate-dev/plugin-mandate-node';
import { mandatePlugin } from './plugin';
import { fixtureCatalog } from './__testUtils__/fixtureCatalog';

jest.setTimeout(60_000);

/** A custom bronze rule: a service must have a description. */
const describedRule: MandateRule = {
  id: 'acme.described',
  tenet: 'operations',
  level: 'bronze',
  title: 'Described',
  description: '`metadata.description` is set.',
  rationale: 'People must know what it does.',
  remediation: {
    text: 'Describe it.',
    snippet: 'metadata:\n  description: What it does\n',
    language: 'yaml',
  },
  evaluate: service =>
    service.entity.metadata.description
      ? { status: 'pass' }
      : { status: 'fail', message: 'no description' },
};

const acmeRules = createBackendModule({
  pluginId: 'mandate',
  moduleId: 'acme-rules',
  register(env) {
    env.registerInit({
      deps: { rules: mandateRulesExtensionPoint },
      async init({ rules }) {
        rules.addRules(describedRule);
      },
    });
  },
});

const user = () => `Bearer ${mockCredentials.user.token()}`;

/** A new critical service calling the live, low-tier recommendations service. */
function giftCards(description?: string): Entity {
  return {
    apiVersion: 'backstage.io/v1alpha1',
    kind: 'Component',
    metadata: {
      name: 'gift-cards',
      ...(description ? { description } : {}),
      annotations: {
        'mandate.dev/tier': 'critical',
        'mandate.dev/slo': '99.9',
      },
    },
    spec: {
      type: 'service',
      lifecycle: 'experimental',
      owner: 'group:default/checkout-team',
      dependsOn: ['component:default/recommendations'],
    },
  };
}

const giftCardsApi: Entity = {
  apiVersion: 'backstage.io/v1alpha1',
  kind: 'API',
  metadata: { name: 'gift-cards-api' },
  spec: { type: 'openapi', owner: 'group:default/checkout-team' },
};

describe('POST /api/mandate/check', () => {
  async function start() {
    const { server } = await startTestBackend({
      features: [
        mandatePlugin,
        acmeRules,
        catalogServiceMock.factory({ entities: fixtureCatalog }),
        mockServices.httpAuth.factory({
          defaultCredentials: mockCredentials.none(),
        }),
      ],
    });
    return server;
  }
  const check = (server: Parameters<typeof request>[0], body: unknown) =>
    request(server)
      .post('/api/mandate/check')
      .set('Authorization', user())
      .send(body as object);

  it('scores the posted services over the live catalog with every registered rule, storing nothing', async () => {
    const server = await start();
    const response = await check(server, {
      entities: [{ entity: giftCards() }, { entity: giftCardsApi }],
    });
    expect(response.status).toBe(200);
    const body = response.body as CheckResponse;

    // Only the posted service is reported, not the API nor the live services.
    expect(body.entities.map(e => e.entityRef)).toEqual([
      'component:default/gift-cards',
    ]);
    const [report] = body.entities;
    expect(report.results.map(r => r.ruleId)).toEqual([
      ...builtInRules.map(rule => rule.id),
      'acme.described',
    ]);
    expect(report.results.at(-1)).toEqual({
      ruleId: 'acme.described',
      status: 'fail',
      message: 'no description',
    });
    // The custom bronze rule decides the level.
    expect(report.level).toBe('none');
    // The live neighbour counts: it is low-tier.
    const inversion = report.results.find(
      r => r.ruleId === 'deps.no-tier-inversion',
    );
    expect(inversion?.status).toBe('fail');
    expect(inversion?.evidence?.join(' ')).toContain('recommendations (low)');
    expect(body.rules).toContainEqual({
      ruleId: 'acme.described',
      level: 'bronze',
    });
    expect(body.rules).toContainEqual({
      ruleId: 'deps.no-tier-inversion',
      level: 'silver',
    });
    expect(body.rules).toHaveLength(builtInRules.length + 1);

    const described = await check(server, {
      entities: [{ entity: giftCards('Sells gift cards') }],
    });
    expect(described.body.entities[0].results.at(-1)).toEqual({
      ruleId: 'acme.described',
      status: 'pass',
    });

    // Nothing was stored.
    const stored = await request(server)
      .get(
        `/api/mandate/entities/${encodeURIComponent(
          'component:default/gift-cards',
        )}`,
      )
      .set('Authorization', user());
    expect(stored.status).toBe(404);
  });

  it('judges a posted entity instead of the live one with the same ref', async () => {
    const server = await start();
    const recommendations = fixtureCatalog.find(
      e => e.metadata.name === 'recommendations',
    )!;
    const critical = {
      ...recommendations,
      metadata: {
        ...recommendations.metadata,
        annotations: {
          ...recommendations.metadata.annotations,
          'mandate.dev/tier': 'critical',
        },
      },
    };
    const response = await check(server, {
      entities: [{ entity: giftCards() }, { entity: critical }],
    });
    expect(response.status).toBe(200);
    const results = response.body.entities.find(
      (e: { entityRef: string }) =>
        e.entityRef === 'component:default/gift-cards',
    ).results;
    expect(
      results.find(
        (r: { ruleId: string }) => r.ruleId === 'deps.no-tier-inversion',
      ).status,
    ).toBe('pass');
    expect(response.body.entities.map((e: any) => e.entityRef)).toEqual([
      'component:default/gift-cards',
      'component:default/recommendations',
    ]);
  });

  it('reads the runbook and definition errors the caller posts, never a file', async () => {
    const server = await start();
    const entity = giftCards();
    entity.metadata.annotations!['mandate.dev/runbook'] = './runbook.md';
    (entity.spec as any).providesApis = ['gift-cards-api'];
    const statusOf = (response: request.Response, ruleId: string) =>
      response.body.entities[0].results.find(
        (r: { ruleId: string }) => r.ruleId === ruleId,
      ).status;

    const posted = await check(server, {
      entities: [
        {
          entity,
          runbook: {
            path: './runbook.md',
            text: '# Diagnosis\n# Mitigation\n# Escalation\n',
          },
        },
        {
          entity: giftCardsApi,
          definitionReadError: './openapi.yaml is missing',
        },
      ],
    });
    expect(statusOf(posted, 'ops.runbook')).toBe('pass');
    expect(statusOf(posted, 'interface.spec-valid')).toBe('error');

    // Without the runbook's text the backend has nothing to read: the rule fails.
    const bare = await check(server, {
      entities: [{ entity }, { entity: giftCardsApi }],
    });
    expect(statusOf(bare, 'ops.runbook')).toBe('fail');
  });

  it('answers 401 without credentials', async () => {
    const server = await start();
    const response = await request(server)
      .post('/api/mandate/check')
      .send({ entities: [{ entity: giftCards() }] });
    expect(response.status).toBe(401);
  });

  it('accepts up to 1 MB and answers 413 beyond', async () => {
    const server = await start();
    // Larger than the 100 kB of the other endpoints.
    const large = await check(server, {
      entities: [{ entity: giftCards('x'.repeat(500_000)) }],
    });
    expect(large.status).toBe(200);
    const tooLarge = await check(server, {
      entities: [{ entity: giftCards('x'.repeat(1_100_000)) }],
    });
    expect(tooLarge.status).toBe(413);
    expect(tooLarge.body.error.message).toBe(
      'The request body is larger than 1mb',
    );
  });

  it('answers 400 for more than 100 entities, none, or an entity without a name', async () => {
    const server = await start();
    const many = await check(server, {
      entities: Array.from({ length: 101 }, () => ({ entity: giftCards() })),
    });
    expect(many.status).toBe(400);
    expect(many.body.error.message).toMatch(/entities.*100/);

    const none = await check(server, { entities: [] });
    expect(none.status).toBe(400);

    const nameless = giftCards() as any;
    delete nameless.metadata.name;
    const invalid = await check(server, { entities: [{ entity: nameless }] });
    expect(invalid.status).toBe(400);
    expect(invalid.body.error.message).toMatch(/metadata.*name/);
  });
});
