import { builtInRules } from '../rules/builtInRules';
import { ConfigReader } from '@backstage/config';
import { Entity } from '@backstage/catalog-model';
import { EntityReport } from '@mandate-dev/plugin-mandate-common';
import { CatalogSnapshot } from '../catalog';
import { readMandateConfig } from '../config';
import {
  aliasesInsideAnchor,
  allOfDiamond,
  wideAliasExpansion,
} from '../testUtils/costlyDefinitions';
import { api, OPENAPI_OK, service, team, user } from '../testUtils/entities';
import { evaluateCatalog } from './evaluateCatalog';

const now = new Date('2026-11-26T10:00:00.000Z');
const API_RULES = [
  'interface.spec-valid',
  'api.http-status-errors',
  'api.error-schema',
  'api.security',
  'api.versioned',
  'api.standard-headers',
  'api.rate-limited',
];

/** Two services of one catalog: `costly` provides `definition`, `normal` a good OpenAPI. */
function evaluate(
  definition: string,
  options: { type?: string; limits?: Record<string, number> } = {},
) {
  const entities: Entity[] = [
    team('team-a', ['alice']),
    user('alice', ['team-a']),
    service('costly', { providesApis: ['costly-api'] }),
    api('costly-api', { type: options.type ?? 'openapi', definition }),
    service('normal', { providesApis: ['normal-api'] }),
    api('normal-api'),
  ];
  const report = evaluateCatalog({
    snapshot: CatalogSnapshot.fromEntities(entities),
    config: readMandateConfig(
      new ConfigReader({ mandate: { limits: options.limits ?? {} } }),
      builtInRules,
    ),
    now,
  });
  const results = (name: string) => {
    const entity = report.entities.find(
      e => e.entityRef === `component:default/${name}`,
    ) as EntityReport;
    return Object.fromEntries(
      entity.results
        .filter(r => API_RULES.includes(r.ruleId))
        .map(r => [r.ruleId, r]),
    );
  };
  return { costly: results('costly'), normal: results('normal') };
}

const statusesOf = (results: ReturnType<typeof evaluate>['normal']) =>
  API_RULES.map(ruleId => results[ruleId].status);
const ALL_PASS = API_RULES.map(() => 'pass');

function expectErrorForCostlyApi(
  costly: ReturnType<typeof evaluate>['costly'],
  reason: RegExp,
) {
  for (const ruleId of API_RULES) {
    expect(costly[ruleId]).toMatchObject({
      status: 'error',
      message: 'api:default/costly-api could not be evaluated',
      evidence: [expect.stringMatching(reason)],
    });
  }
}

describe('definitions cannot exhaust the evaluator', () => {
  it('merges 40 levels of allOf diamonds (a few KB) to the right verdicts', () => {
    const definition = allOfDiamond(40);
    expect(definition.length).toBeLessThan(10 * 1024);
    const { costly } = evaluate(definition);
    expect(costly['interface.spec-valid'].status).toBe('pass');
    const { fix, locations, ...verdict } = costly['api.http-status-errors'];
    expect(verdict).toEqual({
      ruleId: 'api.http-status-errors',
      status: 'fail',
      message:
        '1 of 1 API fails: operations without an error status, or with an error in a 2XX body',
      evidence: [
        'api:default/costly-api: GET /d: 200 response body has property "ok" (boolean)',
      ],
      refs: ['api:default/costly-api'],
    });
    // Removing an error flag from a success body breaks clients: the owners decide.
    expect(fix?.decision).toBe(true);
    expect(locations).toEqual([
      {
        entityRef: 'api:default/costly-api',
        pointer: '/paths/~1d/get/responses/200',
      },
    ]);
  });

  it('errs for an API over mandate.limits.maxDefinitionBytes, and only for it', () => {
    const definition = `${OPENAPI_OK}#${' padding'.repeat(600)}\n`;
    const { costly, normal } = evaluate(definition, {
      limits: { maxDefinitionBytes: 4096 },
    });
    expectErrorForCostlyApi(
      costly,
      new RegExp(
        `definition too large: ${definition.length} bytes, over the limit of 4096 bytes \\(mandate\\.limits\\.maxDefinitionBytes\\)`,
      ),
    );
    expect(statusesOf(normal)).toEqual(ALL_PASS);
  });

  it.each([
    ['aliases inside an anchor', aliasesInsideAnchor(2000)],
    [
      'one wide mapping aliased by many operations',
      wideAliasExpansion(4000, 6000),
    ],
  ])(
    'errs for a YAML definition whose %s cost more than the default work budget',
    (_, definition) => {
      const { costly, normal } = evaluate(definition);
      expectErrorForCostlyApi(
        costly,
        /^api:default\/costly-api: could not be evaluated: definition too complex: .*mandate\.limits\.maxDefinitionWork = 20000000\)$/,
      );
      expect(statusesOf(normal)).toEqual(ALL_PASS);
    },
  );

  it.each([
    ['openapi', OPENAPI_OK],
    [
      'asyncapi',
      `asyncapi: 2.6.0\nchannels:\n${Array.from(
        { length: 100 },
        (_, i) => `  c${i}: {}`,
      ).join('\n')}\n`,
    ],
    [
      'graphql',
      `type Query { ${Array.from({ length: 50 }, (_, i) => `f${i}: Int`).join(
        ' ',
      )} }`,
    ],
    [
      'grpc',
      `syntax = "proto3";\n${Array.from(
        { length: 100 },
        (_, i) => `message M${i} {}`,
      ).join('\n')}\nservice S { rpc Get (M0) returns (M1); }\n`,
    ],
  ])(
    'errs for a %s definition over mandate.limits.maxDefinitionWork',
    (type, definition) => {
      const { costly } = evaluate(definition, {
        type,
        limits: { maxDefinitionWork: 60 },
      });
      expect(costly['interface.spec-valid']).toMatchObject({
        status: 'error',
        evidence: [
          expect.stringMatching(
            /definition too complex: .*mandate\.limits\.maxDefinitionWork = 60\)$/,
          ),
        ],
      });
    },
  );
});
