import { checkSoftDependencies } from './checkSoftDependencies';
import { testContext } from './testEntity';

const spec = (fields: Record<string, unknown>) => ({
  spec: { type: 'service', owner: 'group:web-team', ...fields },
});

describe('checkSoftDependencies', () => {
  it('accepts refs listed in spec.dependsOn, after normalisation', () => {
    const context = testContext(
      spec({ dependsOn: ['component:recommendations', 'resource:cache'] }),
    );
    expect(
      checkSoftDependencies(
        'recommendations, Component:Default/Recommendations,resource:cache',
        context,
      ),
    ).toEqual([]);
  });

  it('reads a scalar spec.dependsOn as a one-element list', () => {
    expect(
      checkSoftDependencies(
        'recommendations',
        testContext(spec({ dependsOn: 'component:recommendations' })),
      ),
    ).toEqual([]);
  });

  it('accepts consumed APIs', () => {
    expect(
      checkSoftDependencies(
        'api:reviews-api',
        testContext(spec({ consumesApis: ['reviews-api'] })),
      ),
    ).toEqual([]);
  });

  it('rejects an API the entity does not consume', () => {
    expect(
      checkSoftDependencies(
        'api:search-api',
        testContext(spec({ consumesApis: ['api:reviews-api'] })),
      ),
    ).toEqual([
      'names api:default/search-api, which is not in spec.consumesApis',
    ]);
  });

  it('accepts a component beside consumed APIs: it may provide one of them', () => {
    expect(
      checkSoftDependencies(
        'component:recommendations,component:reviews',
        testContext(spec({ consumesApis: ['api:recommendations-api'] })),
      ),
    ).toEqual([]);
  });

  it('rejects a component that is no dependency when no API is consumed', () => {
    expect(
      checkSoftDependencies(
        'component:recommendations',
        testContext(spec({ dependsOn: ['component:search'] })),
      ),
    ).toEqual([
      'names component:default/recommendations, which is not in spec.dependsOn (and the entity consumes no API it could provide)',
    ]);
  });

  it('rejects items that are not refs, and reports each problem', () => {
    expect(
      checkSoftDependencies(
        'a:b:c,component:search,,',
        testContext(spec({ dependsOn: [] })),
      ),
    ).toEqual([
      'contains "a:b:c", which is not an entity ref',
      'names component:default/search, which is not in spec.dependsOn (and the entity consumes no API it could provide)',
    ]);
  });
});
