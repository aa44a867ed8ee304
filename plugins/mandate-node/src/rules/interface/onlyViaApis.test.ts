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
