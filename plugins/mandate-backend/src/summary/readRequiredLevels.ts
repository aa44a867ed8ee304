import { Config } from '@backstage/config';
import { InputError } from '@backstage/errors';
import {
  RULE_LEVELS,
  RuleLevel,
  Tier,
  TIERS,
} from '@mandate-dev/plugin-mandate-common';

/** The level each tier must reach (`none`: services without a valid tier). */
export type RequiredLevels = Record<Tier | 'none', RuleLevel>;

/**
 * What a leadership dashboard asks first: critical services must be gold, the middle tiers
 * silver, the rest bronze. A service without a tier is held to bronze, which it cannot reach
 * (declaring the tier is a bronze rule): it always counts as below the required level.
 */
export const DEFAULT_REQUIRED_LEVELS: RequiredLevels = {
  critical: 'gold',
  high: 'silver',
  medium: 'silver',
  low: 'bronze',
  none: 'bronze',
};

/** Reads `mandate.requiredLevels` over the defaults; throws InputError naming a bad key. */
export function readRequiredLevels(config: Config): RequiredLevels {
  const section = config.getOptionalConfig('mandate.requiredLevels');
  const levels = { ...DEFAULT_REQUIRED_LEVELS };
  if (!section) return levels;
  const tiers: readonly string[] = [...TIERS, 'none'];
  for (const key of section.keys()) {
    const at = `mandate.requiredLevels.${key}`;
    if (!tiers.includes(key)) {
      throw new InputError(
        `Invalid config at '${at}': unknown tier; expected one of ${tiers.join(
          ', ',
        )}`,
      );
    }
    const value = section.getOptional(key);
    if (!RULE_LEVELS.includes(value as RuleLevel)) {
      throw new InputError(
        `Invalid config at '${at}': expected one of ${RULE_LEVELS.join(
          ', ',
        )}, got ${JSON.stringify(value)}`,
      );
    }
    levels[key as Tier | 'none'] = value as RuleLevel;
  }
  return levels;
}
