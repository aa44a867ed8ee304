import { Entity } from '@backstage/catalog-model';
import { MandateLevelFilter } from './MandateLevelFilter';

const component = (name: string, namespace = 'default'): Entity => ({
  apiVersion: 'backstage.io/v1alpha1',
  kind: 'Component',
  metadata: { name, namespace },
});

describe('MandateLevelFilter', () => {
  const filter = new MandateLevelFilter(
    'gold',
    new Set(['component:default/orders', 'component:shop/payments']),
  );

  it('asks the catalog for the names of the services at the level', () => {
    expect(filter.getCatalogFilters()).toEqual({
      'metadata.name': ['orders', 'payments'],
    });
    expect(filter.toQueryValue()).toBe('gold');
  });

  it('keeps exactly the entities at the level, namespace included', () => {
    expect(filter.filterEntity(component('orders'))).toBe(true);
    expect(filter.filterEntity(component('payments', 'shop'))).toBe(true);
    expect(filter.filterEntity(component('payments'))).toBe(false);
    expect(filter.filterEntity(component('Orders'))).toBe(true);
  });

  it('matches nothing when no service is at the level', () => {
    const none = new MandateLevelFilter('gold', new Set());
    expect(none.getCatalogFilters()).toEqual({
      'metadata.name': [':no-service'],
    });
    expect(none.filterEntity(component('orders'))).toBe(false);
  });
});
