import { ConfigReader } from '@backstage/config';
import { readMaxMetrics } from './readMaxMetrics';

const config = (keyMetrics?: object) =>
  new ConfigReader(
    keyMetrics
      ? { mandate: { rules: { ops: { 'key-metrics': keyMetrics } } } }
      : {},
  );

describe('readMaxMetrics', () => {
  it('defaults to the rulebook value', () => {
    expect(readMaxMetrics(config())).toBe(7);
    expect(readMaxMetrics(config({ enabled: true }))).toBe(7);
  });

  it('reads the rule threshold', () => {
    expect(readMaxMetrics(config({ maxMetrics: 12 }))).toBe(12);
  });

  it('has no bound when the rule is disabled', () => {
    expect(
      readMaxMetrics(config({ enabled: false, maxMetrics: 3 })),
    ).toBeUndefined();
  });

  it('rejects a bound that is not a positive integer', () => {
    // The engine's config reader, from the rule's option schema (integer, minimum 1).
    expect(() => readMaxMetrics(config({ maxMetrics: 0 }))).toThrow(
      "Invalid config at 'mandate.rules.ops.key-metrics.maxMetrics': expected an integer of at least 1",
    );
    expect(() => readMaxMetrics(config({ maxMetrics: 2.5 }))).toThrow(
      "Invalid config at 'mandate.rules.ops.key-metrics.maxMetrics': expected an integer of at least 1",
    );
  });
});
