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
