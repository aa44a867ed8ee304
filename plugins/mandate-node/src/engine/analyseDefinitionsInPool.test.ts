import { ApiDefinitions } from '../apis';
import { OpenApiDocument } from '../apis/OpenApiDocument';
import { CatalogSnapshot } from '../catalog';
import { DEFAULT_MANDATE_CONFIG } from '../config';
import { operationIdsRule } from '../examples/operationIdsRule';
import { builtInRules } from '../rules/builtInRules';
import { api, service } from '../testUtils/entities';
import { analyseDefinitionsInPool } from './analyseDefinitionsInPool';
import { builtInOpenApiChecks } from './builtInOpenApiChecks';
import { DefinitionAnalysisPool } from './DefinitionAnalysisPool';
import { evaluateCatalog } from './evaluateCatalog';

jest.setTimeout(60_000);

const now = new Date('2026-12-01T00:00:00Z');
const snapshot = CatalogSnapshot.fromEntities([
  service('orders', { providesApis: ['orders-api', 'events'] }),
  api('orders-api'),
  api('events', {
    type: 'asyncapi',
    definition: 'asyncapi: 2.6.0\nchannels: {a: {}}',
  }),
]);

describe('analyseDefinitionsInPool', () => {
  const pool = new DefinitionAnalysisPool({ size: 1 });
  afterAll(() => pool.close());
  afterEach(() => jest.restoreAllMocks());

  it('leaves the built-in rules nothing to parse; a custom OpenAPI rule parses on the main thread on first use', async () => {
    const config = DEFAULT_MANDATE_CONFIG;
    const apiDefinitions = new ApiDefinitions({
      checks: builtInOpenApiChecks(builtInRules, config),
    });
    const threads = await analyseDefinitionsInPool({
      snapshot,
      config,
      definitions: apiDefinitions,
      pool,
    });
    expect(threads.size).toBe(2);

    const parse = jest.spyOn(OpenApiDocument, 'parse');
    const builtIn = evaluateCatalog({ snapshot, config, now, apiDefinitions });
    expect(parse).not.toHaveBeenCalled();
    expect(builtIn).toEqual(evaluateCatalog({ snapshot, config, now }));
    parse.mockClear();

    const rules = [...builtInRules, operationIdsRule];
    const withCustom = evaluateCatalog({
      snapshot,
      config,
      now,
      rules,
      apiDefinitions,
    });
    expect(parse).toHaveBeenCalledTimes(1);
    expect(withCustom.entities[0].results.at(-1)).toMatchObject({
      ruleId: 'acme.operation-ids',
      status: 'fail',
    });

    // Analysed already: nothing is sent to the workers again.
    expect(
      (
        await analyseDefinitionsInPool({
          snapshot,
          config,
          definitions: apiDefinitions,
          pool,
        })
      ).size,
    ).toBe(0);
  });

  it('keeps every verdict it adopts, even past the cache size: the rules parse nothing again', async () => {
    const config = DEFAULT_MANDATE_CONFIG;
    // Six distinct definitions, a cache of two.
    const names = ['a', 'b', 'c', 'd', 'e', 'f'];
    const many = CatalogSnapshot.fromEntities([
      service('orders', { providesApis: names.map(n => `${n}-api`) }),
      ...names.map(n =>
        api(`${n}-api`, {
          definition: JSON.stringify({
            openapi: '3.0.3',
            info: { title: n, version: '1.0.0' },
            paths: {},
          }),
        }),
      ),
    ]);
    const apiDefinitions = new ApiDefinitions({
      cacheSize: 2,
      checks: builtInOpenApiChecks(builtInRules, config),
    });
    await analyseDefinitionsInPool({
      snapshot: many,
      config,
      definitions: apiDefinitions,
      pool,
    });
    const parse = jest.spyOn(OpenApiDocument, 'parse');
    evaluateCatalog({ snapshot: many, config, now, apiDefinitions });
    expect(parse).not.toHaveBeenCalled();
  });

  it('refuses checks the workers do not have', async () => {
    const apiDefinitions = new ApiDefinitions({
      checks: [{ check: operationIdsRule, options: {} }],
    });
    await expect(
      analyseDefinitionsInPool({ snapshot, definitions: apiDefinitions, pool }),
    ).rejects.toThrow(/only run built-in rules, not acme.operation-ids/);
  });
});
