import { runFixedRule } from '../../testUtils/runFixedRule';
import { service } from '../../testUtils/entities';
import { runRule } from '../../testUtils/runRule';
import { keyMetricsRule } from './keyMetrics';

const orders = 'component:default/orders';
const withMetrics = (metrics?: string, slo?: string) => [
  service(
    'orders',
    {},
    {
      ...(metrics !== undefined ? { 'mandate.dev/key-metrics': metrics } : {}),
      ...(slo !== undefined ? { 'mandate.dev/slo': slo } : {}),
    },
  ),
];

describe('ops.key-metrics', () => {
  it('passes with 1 to 7 distinct metrics and an SLO in (0, 100)', () => {
    expect(
      runRule(keyMetricsRule, withMetrics('availability', '99.9'), orders)
        .status,
    ).toBe('pass');
    expect(
      runRule(keyMetricsRule, withMetrics('a,b,c,d,e,f,g', '50'), orders)
        .status,
    ).toBe('pass');
  });

  it('trims, drops empty items and collapses duplicates (case-sensitive)', () => {
    expect(
      runRule(
        keyMetricsRule,
        withMetrics(' a, a ,,b,c,d,e,f,g, ', '99'),
        orders,
      ).status,
    ).toBe('pass');
    expect(
      runRule(keyMetricsRule, withMetrics('a,A,b,c,d,e,f,g', '99'), orders)
        .status,
    ).toBe('fail');
  });

  it('fails with no metric or too many', () => {
    expect(
      runRule(keyMetricsRule, withMetrics(',,', '99'), orders).status,
    ).toBe('fail');
    expect(
      runRule(keyMetricsRule, withMetrics(undefined, '99'), orders).status,
    ).toBe('fail');
    expect(
      runRule(keyMetricsRule, withMetrics('a,b,c', '99'), orders, {
        options: { maxMetrics: 2 },
      }).status,
    ).toBe('fail');
  });

  it.each(['99.9%', '100', '0', '-1', '1e2', 'abc', '99,9'])(
    'fails for the SLO %j',
    slo => {
      expect(
        runRule(keyMetricsRule, withMetrics('availability', slo), orders)
          .status,
      ).toBe('fail');
    },
  );

  it('fails without an SLO', () => {
    expect(
      runRule(keyMetricsRule, withMetrics('availability'), orders).status,
    ).toBe('fail');
  });
});

describe('ops.key-metrics fix', () => {
  const annotations = (edit: any) => edit.metadata.annotations;

  it('keeps the first maxMetrics metrics and names the dropped ones', () => {
    const { before, edit, after } = runFixedRule(
      keyMetricsRule,
      withMetrics('a,b,c,d', '99.9'),
      orders,
      { options: { maxMetrics: 2 } },
    );
    expect(before.fix!.text).toContain('drops c, d');
    expect(annotations(edit)).toEqual({ 'mandate.dev/key-metrics': 'a,b' });
    expect(after.status).toBe('pass');
  });

  it('writes "99.9%" as a plain number, and proposes what the dependencies allow when unset', () => {
    const typed = runFixedRule(
      keyMetricsRule,
      withMetrics('a', ' 99.9% '),
      orders,
    );
    expect(annotations(typed.edit)).toEqual({ 'mandate.dev/slo': '99.9' });
    expect(typed.after.status).toBe('pass');
    const catalog = [
      service(
        'orders',
        { dependsOn: ['payments'] },
        { 'mandate.dev/key-metrics': 'a' },
      ),
      service('payments', {}, { 'mandate.dev/slo': '99.5' }),
    ];
    const unset = runFixedRule(keyMetricsRule, catalog, orders);
    expect(annotations(unset.edit)).toEqual({ 'mandate.dev/slo': '99.5' });
    expect(unset.after.status).toBe('pass');
  });

  it('leaves choosing the metrics to the team when there are none', () => {
    const fix = runRule(keyMetricsRule, withMetrics(undefined, '99.9'), orders)
      .fix!;
    expect(fix.decision).toBe(true);
    expect(fix.snippet).toContain(
      'mandate.dev/key-metrics: availability,latency-p99,error-rate',
    );
  });
});
