import { parseAllDocuments } from 'yaml';
import { runFixedRule } from '../../testUtils/runFixedRule';
import { api, service } from '../../testUtils/entities';
import { runRule } from '../../testUtils/runRule';
import { onlyViaApisRule } from './onlyViaApis';

const web = 'component:default/web';

describe('interface.only-via-apis', () => {
  it("passes when another team's service is used through one of its APIs", () => {
    const catalog = [
      service('web', { dependsOn: ['orders'], consumesApis: ['orders-api'] }),
      service('orders', {
        owner: 'team-b',
        providesApis: ['orders-api', 'admin-api'],
      }),
      api('orders-api', { owner: 'team-b' }),
    ];
    expect(runRule(onlyViaApisRule, catalog, web).status).toBe('pass');
  });

  it("fails when another team's service is used directly, soft or hard", () => {
    const catalog = [
      service(
        'web',
        { dependsOn: ['orders'] },
        { 'mandate.dev/soft-dependencies': 'orders' },
      ),
      service('orders', { owner: 'team-b', providesApis: ['orders-api'] }),
      api('orders-api', { owner: 'team-b' }),
    ];
    const outcome = runRule(onlyViaApisRule, catalog, web);
    expect(outcome.status).toBe('fail');
    expect(outcome.evidence?.[0]).toContain('component:default/orders');
  });

  it('does not judge same-team services, non-services and unresolved refs', () => {
    const catalog = [
      service('web', { dependsOn: ['orders', 'lib', 'ghost'] }),
      service('orders'),
      service('lib', { type: 'library', owner: 'team-b' }),
    ];
    expect(runRule(onlyViaApisRule, catalog, web).status).toBe('pass');
  });

  it('passes with no dependencies', () => {
    expect(runRule(onlyViaApisRule, [service('web')], web).status).toBe('pass');
  });
});

describe('interface.only-via-apis fix', () => {
  it("replaces the direct dependency with the other team's existing APIs", () => {
    const catalog = [
      service('web', {
        dependsOn: ['orders', 'resource:web-db'],
        consumesApis: ['search-api'],
      }),
      service('orders', {
        owner: 'team-b',
        providesApis: ['orders-api', 'gone-api'],
      }),
      api('orders-api', { owner: 'team-b' }),
      api('search-api'),
    ];
    const { before, edit, after } = runFixedRule(onlyViaApisRule, catalog, web);
    expect(before.fix!.text).toContain(
      'component:default/orders through api:default/orders-api',
    );
    expect(edit).toEqual({
      spec: {
        dependsOn: ['resource:web-db'],
        consumesApis: ['search-api', 'api:default/orders-api'],
      },
    });
    expect(after.status).toBe('pass');
  });

  it('is a decision with the owning team when the other service offers no API', () => {
    const catalog = [
      service('web', { dependsOn: ['orders'] }),
      service('orders', { owner: 'team-b' }),
    ];
    const fix = runRule(onlyViaApisRule, catalog, web).fix!;
    expect(fix).toMatchObject({
      decision: true,
      entityRef: 'component:default/orders',
    });
    expect(parseAllDocuments(fix.snippet).map(d => d.toJS())[0]).toEqual({
      spec: { providesApis: ['api:default/orders-api'] },
    });
  });
});
