import { ApiDefinitions } from '../apis';
import { OpenApiDocument } from '../apis/OpenApiDocument';
import { CatalogSnapshot } from '../catalog';
import { DEFAULT_MANDATE_CONFIG } from '../config';
import { builtInRules } from '../rules/builtInRules';
import { api, service } from '../testUtils/entities';
import { builtInOpenApiChecks } from './builtInOpenApiChecks';
import { evaluateCatalog } from './evaluateCatalog';

const now = new Date('2026-12-01T00:00:00Z');
// Two services whose APIs share one definition text (the default OPENAPI_OK).
const snapshot = CatalogSnapshot.fromEntities([
  service('orders', { providesApis: ['orders-api'] }),
  api('orders-api'),
  service('billing', { providesApis: ['billing-api'] }),
  api('billing-api'),
]);

describe('API definitions in evaluations', () => {
  afterEach(() => jest.restoreAllMocks());

  it('parse a definition shared by services once, and not again in a later evaluation given the same ApiDefinitions', () => {
    const parse = jest.spyOn(OpenApiDocument, 'parse');
    const apiDefinitions = new ApiDefinitions({
      checks: builtInOpenApiChecks(builtInRules, DEFAULT_MANDATE_CONFIG),
    });
    const first = evaluateCatalog({ snapshot, now, apiDefinitions });
    const second = evaluateCatalog({ snapshot, now, apiDefinitions });
    expect(parse).toHaveBeenCalledTimes(1);
    expect(second).toEqual(first);
    expect(
      first.entities.flatMap(e =>
        e.results.filter(r => r.ruleId.startsWith('api.')).map(r => r.status),
      ),
    ).toEqual(Array(12).fill('pass'));
  });

  it('keep nothing between evaluations that were not given one', () => {
    const parse = jest.spyOn(OpenApiDocument, 'parse');
    const first = evaluateCatalog({ snapshot, now });
    const second = evaluateCatalog({ snapshot, now });
    expect(parse).toHaveBeenCalledTimes(2);
    expect(second).toEqual(first);
  });

  it('refuse ApiDefinitions created for other limits than the config', () => {
    expect(() =>
      evaluateCatalog({
        snapshot,
        now,
        apiDefinitions: new ApiDefinitions({
          limits: { maxDefinitionBytes: 10, maxDefinitionWork: 10 },
        }),
      }),
    ).toThrow(/mandate\.limits/);
  });
});
