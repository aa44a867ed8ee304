import { CatalogSnapshot } from './CatalogSnapshot';
import { api, resource, service, team, user } from '../testUtils/entities';

describe('CatalogSnapshot', () => {
  it('indexes entities by lower-case full ref, kinds case-insensitive', () => {
    const snapshot = CatalogSnapshot.fromEntities([
      { ...service('Orders'), kind: 'COMPONENT' },
      service('billing', {}, {}, 'Finance'),
    ]);
    expect(snapshot.get('component:default/orders')?.name).toBe('orders');
    expect(snapshot.get('component:finance/billing')).toBeDefined();
  });

  it('keeps the first of two entities with the same ref and warns', () => {
    const first = service('orders', { owner: 'team-a' });
    const second = service('ORDERS', { owner: 'team-b' });
    const snapshot = new CatalogSnapshot([
      { entity: first, source: 'a.yaml' },
      { entity: second, source: 'b.yaml' },
    ]);
    expect(snapshot.get('component:default/orders')?.owner).toBe(
      'group:default/team-a',
    );
    expect(snapshot.size).toBe(1);
    expect(snapshot.warnings).toEqual([expect.stringContaining('b.yaml')]);
  });

  it('skips documents without a string kind or name', () => {
    const snapshot = new CatalogSnapshot([
      { entity: { apiVersion: 'v1', kind: 'Component', metadata: {} } as any },
    ]);
    expect(snapshot.size).toBe(0);
    expect(snapshot.warnings).toHaveLength(1);
  });

  it('skips an entity that cannot be read instead of failing the whole catalog', () => {
    const cyclic: any = service('loop', { dependsOn: [] });
    cyclic.spec.dependsOn.push({ self: cyclic.spec });
    const snapshot = CatalogSnapshot.fromEntities([cyclic, service('fine')]);
    expect(snapshot.entities.map(e => e.name)).toEqual(['fine']);
    expect(snapshot.warnings).toEqual([
      expect.stringContaining('unreadable entity'),
    ]);
  });

  it('normalises relation refs with default kinds and the referring namespace', () => {
    const snapshot = CatalogSnapshot.fromEntities([
      service(
        'orders',
        {
          owner: 'team-a',
          dependsOn: ['resource:orders-db', 'payments', 'a:b:c'],
          providesApis: 'orders-api',
          consumesApis: ['default/payments-api'],
        },
        {},
        'shop',
      ),
    ]);
    const orders = snapshot.get('component:shop/orders')!;
    expect(orders.owner).toBe('group:shop/team-a');
    expect(orders.dependsOn.map(l => l.ref)).toEqual([
      'resource:shop/orders-db',
      'component:shop/payments',
      undefined,
    ]);
    expect(orders.providesApis.map(l => l.ref)).toEqual([
      'api:shop/orders-api',
    ]);
    expect(orders.consumesApis.map(l => l.ref)).toEqual([
      'api:default/payments-api',
    ]);
  });

  it('drops empty and whitespace-only annotations', () => {
    const snapshot = CatalogSnapshot.fromEntities([
      service(
        'orders',
        {},
        { 'mandate.dev/tier': '  ', 'mandate.dev/slo': '99.9' },
      ),
    ]);
    const orders = snapshot.get('component:default/orders')!;
    expect(orders.annotations['mandate.dev/tier']).toBeUndefined();
    expect(orders.annotations['mandate.dev/slo']).toBe('99.9');
  });

  it('computes team members as spec.members plus users whose memberOf names the group', () => {
    const snapshot = CatalogSnapshot.fromEntities([
      team('team-a', ['alice', 'ghost']),
      team('child', ['carol'], { parent: 'team-a' }),
      user('alice', ['team-a']),
      user('bob', 'team-a'),
      user('carol', ['child']),
    ]);
    expect([...snapshot.teamMembers('group:default/team-a')].sort()).toEqual([
      'user:default/alice',
      'user:default/bob',
      'user:default/ghost',
    ]);
  });

  it('computes reverse relations', () => {
    const snapshot = CatalogSnapshot.fromEntities([
      service('orders', {
        providesApis: ['orders-api'],
        dependsOn: ['resource:db'],
      }),
      service('web', {
        consumesApis: ['orders-api'],
        dependsOn: ['resource:db'],
      }),
      api('orders-api'),
      resource('db', 'database'),
    ]);
    expect(
      snapshot.providersOf('api:default/orders-api').map(e => e.name),
    ).toEqual(['orders']);
    expect(
      snapshot.consumersOf('api:default/orders-api').map(e => e.name),
    ).toEqual(['web']);
    expect(
      snapshot.dependentsOf('resource:default/db').map(e => e.name),
    ).toEqual(['orders', 'web']);
    expect([...snapshot.referrersOf('api:default/orders-api')].sort()).toEqual([
      'component:default/orders',
      'component:default/web',
    ]);
  });

  it('selects services by exact spec.type, sorted by ref', () => {
    const snapshot = CatalogSnapshot.fromEntities([
      service('zeta'),
      service('alpha'),
      service('website', { type: 'website' }),
      service('upper', { type: 'Service' }),
    ]);
    expect(snapshot.services(['service']).map(s => s.name)).toEqual([
      'alpha',
      'zeta',
    ]);
    expect(snapshot.services(['service', 'website']).map(s => s.name)).toEqual([
      'alpha',
      'website',
      'zeta',
    ]);
  });

  it('derives a snapshot after changes, sharing unchanged entities and leaving the parent alone', () => {
    const orders = service('orders', {
      providesApis: ['orders-api'],
      dependsOn: ['resource:db'],
    });
    const parent = CatalogSnapshot.fromEntities([
      orders,
      service('web', { consumesApis: ['orders-api'] }),
      api('orders-api'),
      resource('db', 'database'),
      team('team-a', ['alice']),
    ]);
    parent.services(['service']);
    const child = parent.withChanges({
      upsert: [
        {
          entity: service('web', {
            consumesApis: ['orders-api'],
            dependsOn: ['resource:db'],
          }),
        },
        { entity: service('new') },
        { entity: user('bob', ['team-a']) },
      ],
      remove: ['API:default/orders-api'],
    });

    expect(child.get('component:default/orders')).toBe(
      parent.get('component:default/orders'),
    );
    expect(child.get('api:default/orders-api')).toBeUndefined();
    expect(parent.get('api:default/orders-api')).toBeDefined();
    expect(child.dependentsOf('resource:default/db').map(e => e.name)).toEqual([
      'orders',
      'web',
    ]);
    expect(parent.dependentsOf('resource:default/db').map(e => e.name)).toEqual(
      ['orders'],
    );
    expect(child.services(['service']).map(e => e.name)).toEqual([
      'new',
      'orders',
      'web',
    ]);
    expect(child.teamMembers('group:default/team-a').size).toBe(2);
    expect(parent.teamMembers('group:default/team-a').size).toBe(1);
    expect(child.entities.map(e => e.name)).toEqual([
      'orders',
      'web',
      'db',
      'team-a',
      'new',
      'bob',
    ]);
    expect([...child.derivation!.changed].sort()).toEqual([
      'api:default/orders-api',
      'component:default/new',
      'component:default/web',
      'user:default/bob',
    ]);
  });
});
