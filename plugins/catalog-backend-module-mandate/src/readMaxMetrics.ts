import { Config } from '@backstage/config';
import {
  effectiveRuleOptions,
  isRuleEnabled,
  keyMetricsRule,
  readMandateConfig,
} from '@mandate-dev/plugin-mandate-node';

/**
 * The bound the key-metrics rule applies, read and validated by the engine's own config reader
 * against the rule's option schema, so that the processor and the rule never disagree;
 * undefined when the rule is turned off (`enabled: false`), since flagging an entity for a
 * limit nobody enforces would only be noise.
 */
export function readMaxMetrics(config: Config): number | undefined {
  const mandate = readMandateConfig(config, [keyMetricsRule]);
  if (!isRuleEnabled(keyMetricsRule, mandate)) return undefined;
  return effectiveRuleOptions(keyMetricsRule, mandate).maxMetrics as number;
}

/** The config key of the bound, for messages. */
export const MAX_METRICS_KEY = `mandate.rules.${keyMetricsRule.id}.maxMetrics`;
