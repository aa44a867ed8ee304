import { checkKeyMetrics } from './checkKeyMetrics';
import { testContext } from './testEntity';

const names = (count: number) =>
  Array.from({ length: count }, (_, i) => `metric-${i}`).join(',');

describe('checkKeyMetrics', () => {
  it('accepts 1 to maxMetrics names', () => {
    expect(checkKeyMetrics('availability', testContext())).toEqual([]);
    expect(
      checkKeyMetrics('availability, latency-p99 ,error-rate', testContext()),
    ).toEqual([]);
    expect(checkKeyMetrics(names(7), testContext())).toEqual([]);
  });

  it('counts after dropping empty items and collapsing duplicates', () => {
    expect(
      checkKeyMetrics(`${names(7)},metric-0, metric-1,,`, testContext()),
    ).toEqual([]);
  });

  it('keeps case-different names apart', () => {
    expect(
      checkKeyMetrics(`${names(6)},Metric-0,METRIC-0`, testContext()),
    ).toEqual([
      'names 8 metrics, more than the 7 allowed (mandate.rules.ops.key-metrics.maxMetrics)',
    ]);
  });

  it('rejects more than maxMetrics', () => {
    expect(checkKeyMetrics(names(12), testContext())).toEqual([
      'names 12 metrics, more than the 7 allowed (mandate.rules.ops.key-metrics.maxMetrics)',
    ]);
    expect(
      checkKeyMetrics(names(4), testContext({}, { maxMetrics: 3 })),
    ).toHaveLength(1);
  });

  it('has no upper bound when the rule is disabled', () => {
    expect(
      checkKeyMetrics(names(40), testContext({}, { maxMetrics: undefined })),
    ).toEqual([]);
  });

  it('rejects a list without any name', () => {
    expect(checkKeyMetrics(', ,', testContext())).toEqual(['names no metric']);
  });
});
