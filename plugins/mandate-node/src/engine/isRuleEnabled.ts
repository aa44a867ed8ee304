import type { MandateConfig } from '../config';

/**
 * Whether a rule runs under this config: every rule does unless `mandate.rules.<id>.enabled`
 * is `false`, and then it disappears from reports, levels and `GET /rules`.
 *
 * @public
 */
export function isRuleEnabled(
  rule: { id: string },
  config: MandateConfig,
): boolean {
  return config.rules[rule.id]?.enabled !== false;
}
