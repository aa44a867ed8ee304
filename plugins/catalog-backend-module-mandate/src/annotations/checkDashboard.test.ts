import { checkDashboard } from './checkDashboard';
import { testContext } from './testEntity';

describe('checkDashboard', () => {
  it.each([
    'https://grafana.example.com/d/orders',
    'http://grafana.internal:3000/d/orders?from=now-1h',
  ])('accepts %j', dashboard => {
    expect(checkDashboard(dashboard, testContext())).toEqual([]);
  });

  it.each([
    ['../dashboards/orders.json', 'is not an http(s) URL'],
    ['/srv/dashboards/orders.json', 'is not an http(s) URL'],
    ['grafana/d/orders', 'is not an http(s) URL'],
    ['ftp://grafana.example.com/d', 'is not an http(s) URL'],
    ['https://', 'is not a valid URL'],
  ])('rejects %j', (dashboard, problem) => {
    expect(checkDashboard(dashboard, testContext())).toEqual([problem]);
  });
});
