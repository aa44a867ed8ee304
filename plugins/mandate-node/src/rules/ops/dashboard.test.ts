import { runRule as run } from '../../testUtils/runRule';
import { runFixedRule } from '../../testUtils/runFixedRule';
import { service } from '../../testUtils/entities';
import { runRule } from '../../testUtils/runRule';
import { dashboardRule } from './dashboard';

const orders = 'component:default/orders';
const withDashboard = (value: string) => [
  service('orders', {}, { 'mandate.dev/dashboard': value }),
];

describe('ops.dashboard', () => {
  it('passes for an http(s) URL with a host', () => {
    expect(
      runRule(
        dashboardRule,
        withDashboard('https://grafana.example.com/d/1'),
        orders,
      ).status,
    ).toBe('pass');
  });

  it.each([
    'grafana.example.com/d/1',
    './dashboard.json',
    'ftp://grafana',
    'https://',
    '  ',
  ])('fails for %j', value => {
    expect(runRule(dashboardRule, withDashboard(value), orders).status).toBe(
      'fail',
    );
  });
});

describe('ops.dashboard fix', () => {
  it('adds the missing scheme, or reuses the dashboard another plugin links', () => {
    const schemeless = runFixedRule(
      dashboardRule,
      withDashboard('grafana.acme.example/d/1'),
      orders,
    );
    expect(schemeless.edit.metadata.annotations['mandate.dev/dashboard']).toBe(
      'https://grafana.acme.example/d/1',
    );
    expect(schemeless.after.status).toBe('pass');
    const grafana = [
      service(
        'orders',
        {},
        { 'grafana/overview-dashboard': 'https://grafana.acme.example/d/2' },
      ),
    ];
    const reused = runFixedRule(dashboardRule, grafana, orders);
    expect(reused.edit.metadata.annotations['mandate.dev/dashboard']).toBe(
      'https://grafana.acme.example/d/2',
    );
    expect(reused.after.status).toBe('pass');
  });

  it('leaves the URL to the team otherwise, naming its key metrics', () => {
    const fix = run(
      dashboardRule,
      [service('orders', {}, { 'mandate.dev/key-metrics': 'availability' })],
      orders,
    ).fix!;
    expect(fix.decision).toBe(true);
    expect(fix.text).toContain(
      "component:default/orders's key metrics (availability)",
    );
  });
});
