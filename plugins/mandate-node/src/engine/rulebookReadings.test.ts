import { Entity } from '@backstage/catalog-model';
import { CatalogSnapshot, SnapshotInput } from '../catalog';
import { goldCatalog } from '../testUtils/goldCatalog';
import { evaluateCatalog } from './evaluateCatalog';

/** Edge cases of rulebook section 5, seen through whole reports. */

const now = new Date('2026-11-26T10:00:00Z');
const ORDERS = 'component:default/orders';

function statuses(items: (Entity | SnapshotInput)[], ref = ORDERS) {
  const snapshot = new CatalogSnapshot(
    items.map(i => ('entity' in i ? i : { entity: i })),
  );
  const entity = evaluateCatalog({ snapshot, now }).entities.find(
    e => e.entityRef === ref,
  )!;
  return Object.fromEntries(entity.results.map(r => [r.ruleId, r.status]));
}

function editOrders(edit: (orders: Entity) => void) {
  return goldCatalog().map(item => {
    const input = 'entity' in item ? item : { entity: item };
    if (input.entity.metadata.name !== 'orders') return item;
    const entity = structuredClone(input.entity);
    edit(entity);
    return { ...input, entity };
  });
}

describe('rulebook readings', () => {
  it('judges refs that do not resolve only by interface.provides-api and deps.resolved', () => {
    const before = statuses(goldCatalog());
    const after = statuses(
      editOrders(orders => {
        const spec = orders.spec as any;
        spec.dependsOn.push('component:ghost', 'resource:ghost-db', 'a:b:c');
        spec.consumesApis.push('ghost-api');
        spec.providesApis.push('ghost-provided-api');
      }),
    );
    const changed = Object.keys(before).filter(id => before[id] !== after[id]);
    expect(changed.sort()).toEqual(['deps.resolved', 'interface.provides-api']);
  });

  it('reads a scalar where a list is expected as a one-element list', () => {
    const scalar = statuses(
      editOrders(orders => {
        const spec = orders.spec as any;
        spec.providesApis = 'orders-api';
        spec.consumesApis = 'payments-api';
        spec.dependsOn = 'resource:orders-db';
      }),
    );
    expect(scalar).toEqual(statuses(goldCatalog()));
  });

  it('reads an empty or blank annotation as not set', () => {
    const blank = statuses(
      editOrders(orders => {
        orders.metadata.annotations!['mandate.dev/tier'] = '   ';
        orders.metadata.annotations!['mandate.dev/on-call'] = '';
      }),
    );
    expect(blank['ops.tier-declared']).toBe('fail');
    expect(blank['ownership.on-call']).toBe('fail');
    expect(blank['deps.no-tier-inversion']).toBe('not-applicable');
  });

  it('treats an invalid tier as no tier: tier-declared fails, tier rules are not applicable', () => {
    const invalid = statuses(
      editOrders(orders => {
        orders.metadata.annotations!['mandate.dev/tier'] = 'High';
      }),
    );
    expect(invalid['ops.tier-declared']).toBe('fail');
    expect(invalid['deps.no-tier-inversion']).toBe('not-applicable');
    expect(invalid['data.critical-isolation']).toBe('not-applicable');
  });

  it('fails two-pizza-team and on-call (not not-applicable) when the owner is not a team', () => {
    const result = statuses(
      editOrders(orders => {
        (orders.spec as any).owner = 'user:alice';
      }),
    );
    expect(result['ownership.team-owner']).toBe('fail');
    expect(result['ownership.two-pizza-team']).toBe('fail');
    expect(result['ownership.on-call']).toBe('fail');
  });

  it('matches kinds case-insensitively and service types exactly', () => {
    const upperKind = statuses(
      editOrders(orders => {
        orders.kind = 'COMPONENT';
      }),
    );
    expect(upperKind).toEqual(statuses(goldCatalog()));

    const snapshot = CatalogSnapshot.fromEntities([
      {
        apiVersion: 'v1',
        kind: 'Component',
        metadata: { name: 'x' },
        spec: { type: 'Service' },
      },
    ]);
    expect(evaluateCatalog({ snapshot, now }).entities).toEqual([]);
  });

  it('uses the configured service types for the report and for the graph', () => {
    const catalog = CatalogSnapshot.fromEntities([
      {
        apiVersion: 'v1',
        kind: 'Component',
        metadata: { name: 'site' },
        spec: { type: 'website', dependsOn: ['component:site'] },
      },
    ]);
    const config = {
      serviceTypes: ['website'],
      maxWaiverDays: 90,
      rules: {},
      warnings: [],
    };
    const [site] = evaluateCatalog({ snapshot: catalog, config, now }).entities;
    expect(site.results.find(r => r.ruleId === 'deps.no-cycles')?.status).toBe(
      'fail',
    );
  });
});
