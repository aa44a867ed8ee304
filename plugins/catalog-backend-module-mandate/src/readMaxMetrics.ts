import { Config } from '@backstage/config';
import { InputError } from '@backstage/errors';

/** The rulebook's default for `mandate.rules.ops.key-metrics.maxMetrics`. */
export const DEFAULT_MAX_METRICS = 7;

/**
 * The bound the `ops.key-metrics` rule applies, read from the same config key so the processor
 * and the rule never disagree; undefined when the rule is turned off (`enabled: false`), since
 * flagging an entity for a limit nobody enforces would only be noise.
 */
export function readMaxMetrics(config: Config): number | undefined {
  const rule = config.getOptionalConfig('mandate.rules.ops.key-metrics');
  if (rule?.getOptionalBoolean('enabled') === false) return undefined;
  const maxMetrics =
    rule?.getOptionalNumber('maxMetrics') ?? DEFAULT_MAX_METRICS;
  if (!Number.isInteger(maxMetrics) || maxMetrics < 1) {
    throw new InputError(
      `mandate.rules.ops.key-metrics.maxMetrics must be a positive integer, got ${maxMetrics}`,
    );
  }
  return maxMetrics;
}
