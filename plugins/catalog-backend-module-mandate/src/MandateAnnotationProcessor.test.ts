import { mockServices } from '@backstage/backend-test-utils';
import { Entity } from '@backstage/catalog-model';
import { AlphaEntity } from '@backstage/catalog-model/alpha';
import { CatalogProcessorCache } from '@backstage/plugin-catalog-node';
import { MandateAnnotationProcessor } from './MandateAnnotationProcessor';

const location = { type: 'file', target: '/catalog/services/orders.yaml' };

function memoryCache(): CatalogProcessorCache {
  const values = new Map<string, unknown>();
  return {
    get: (async (key: string) =>
      values.get(key)) as CatalogProcessorCache['get'],
    async set(key, value) {
      values.set(key, value);
    },
  };
}

function component(annotations: Record<string, string>): Entity {
  return {
    apiVersion: 'backstage.io/v1alpha1',
    kind: 'Component',
    metadata: { name: 'orders', annotations },
    spec: { type: 'service', owner: 'group:checkout-team' },
  };
}

describe('MandateAnnotationProcessor', () => {
  const logger = mockServices.logger.mock();
  const processor = new MandateAnnotationProcessor({ logger, maxMetrics: 7 });

  beforeEach(() => jest.resetAllMocks());

  it('is named', () => {
    expect(processor.getProcessorName()).toBe('MandateAnnotationProcessor');
  });

  it('returns a valid entity untouched and emits nothing', async () => {
    const entity = component({ 'mandate.dev/slo': '99.95' });
    const emit = jest.fn();
    await expect(
      processor.postProcessEntity(entity, location, emit, memoryCache()),
    ).resolves.toBe(entity);
    expect(emit).not.toHaveBeenCalled();
  });

  it('keeps the entity and attaches each problem as a processing error', async () => {
    const entity = component({
      'mandate.dev/slo': '99.9%',
      'mandate.dev/tier': 'urgent',
      'mandate.dev/other': 'x',
    });
    const emit = jest.fn();
    const result = (await processor.postProcessEntity(
      entity,
      location,
      emit,
      memoryCache(),
    )) as AlphaEntity;

    // Emitting an error would make the catalog drop this version of the entity.
    expect(emit).not.toHaveBeenCalled();
    expect(result.metadata).toEqual(entity.metadata);
    expect(result.spec).toEqual(entity.spec);
    expect(result.status?.items).toEqual([
      {
        type: 'backstage.io/catalog-processing',
        level: 'error',
        message:
          'InputError: component:default/orders: mandate.dev/slo "99.9%" is not a number between 0 and 100',
        error: expect.objectContaining({
          name: 'InputError',
          message:
            'component:default/orders: mandate.dev/slo "99.9%" is not a number between 0 and 100',
        }),
      },
      expect.objectContaining({
        message:
          'InputError: component:default/orders: mandate.dev/tier "urgent" is not one of critical, high, medium, low',
      }),
      expect.objectContaining({
        message:
          'InputError: component:default/orders: mandate.dev/other is not a Mandate annotation (a typo?)',
      }),
    ]);
  });

  it('keeps status items that other sources put there', async () => {
    const entity: AlphaEntity = {
      ...component({ 'mandate.dev/slo': '0' }),
      status: { items: [{ type: 'x', level: 'info', message: 'kept' }] },
    };
    const result = (await processor.postProcessEntity(
      entity,
      location,
      jest.fn(),
      memoryCache(),
    )) as AlphaEntity;
    expect(result.status?.items?.map(item => item.message)).toEqual([
      'kept',
      'InputError: component:default/orders: mandate.dev/slo "0" is not a number between 0 and 100',
    ]);
  });

  it('logs a problem when it appears, not on every processing pass', async () => {
    const cache = memoryCache();
    const bad = component({ 'mandate.dev/slo': '99.9%' });
    await processor.postProcessEntity(bad, location, jest.fn(), cache);
    await processor.postProcessEntity(bad, location, jest.fn(), cache);
    expect(logger.warn).toHaveBeenCalledTimes(1);
    expect(logger.warn).toHaveBeenCalledWith(
      'component:default/orders: mandate.dev/slo "99.9%" is not a number between 0 and 100',
    );

    await processor.postProcessEntity(
      component({ 'mandate.dev/slo': '99.9' }),
      location,
      jest.fn(),
      cache,
    );
    await processor.postProcessEntity(bad, location, jest.fn(), cache);
    expect(logger.warn).toHaveBeenCalledTimes(2);
  });

  it('applies the configured key-metrics bound, or none', async () => {
    const entity = component({
      'mandate.dev/key-metrics': 'a,b,c,d,e,f,g,h',
    });
    const bounded = (await processor.postProcessEntity(
      entity,
      location,
      jest.fn(),
      memoryCache(),
    )) as AlphaEntity;
    expect(bounded.status?.items).toHaveLength(1);

    const unbounded = new MandateAnnotationProcessor({
      logger,
      maxMetrics: undefined,
    });
    await expect(
      unbounded.postProcessEntity(entity, location, jest.fn(), memoryCache()),
    ).resolves.toBe(entity);
  });
});
