import { Config } from '@backstage/config';
import { InputError } from '@backstage/errors';
import { DEFAULT_DEFINITION_LIMITS, DefinitionLimits } from '../apis';
import { builtInRules } from '../rules/builtInRules';
import { MandateRule, RuleOptions } from '../rules/MandateRule';
import {
  DEFAULT_MANDATE_CONFIG,
  MandateConfig,
  RuleSettings,
} from './MandateConfig';

/**
 * Reads and validates `mandate:` from app-config. Option types come from each rule's defaults,
 * so a custom rule's thresholds are checked too when its rule is passed in `rules`.
 * Throws InputError naming the offending key.
 */
export function readMandateConfig(
  config: Config,
  rules: readonly MandateRule<any>[] = builtInRules,
): MandateConfig {
  return withInputErrors(() => {
    const mandate = config.getOptionalConfig('mandate');
    if (!mandate) return { ...DEFAULT_MANDATE_CONFIG, rules: {}, warnings: [] };

    const serviceTypes =
      mandate.getOptionalStringArray('serviceTypes') ??
      DEFAULT_MANDATE_CONFIG.serviceTypes;
    if (serviceTypes.length === 0) {
      throw new InputError(
        "Invalid config at 'mandate.serviceTypes': at least one service type is required",
      );
    }
    const maxWaiverDays =
      mandate.getOptionalNumber('maxWaiverDays') ??
      DEFAULT_MANDATE_CONFIG.maxWaiverDays;
    if (!(maxWaiverDays > 0)) {
      throw new InputError(
        `Invalid config at 'mandate.maxWaiverDays': expected a positive number of days, got ${maxWaiverDays}`,
      );
    }

    const ruleSettings: Record<string, RuleSettings> = {};
    const known = new Set<string>();
    for (const rule of rules) {
      known.add(rule.id);
      const key = `mandate.rules.${rule.id}`;
      const section = config.getOptionalConfig(key);
      if (!section) continue;
      const settings: RuleSettings = { options: {} };
      const defaults: RuleOptions = rule.defaults ?? {};
      for (const name of section.keys()) {
        if (name === 'enabled') {
          settings.enabled = section.getBoolean('enabled');
        } else if (name in defaults) {
          settings.options[name] = readOption(
            section,
            name,
            defaults[name],
            `${key}.${name}`,
          );
        } else if (
          !rules.some(other => other.id.startsWith(`${rule.id}.${name}`))
        ) {
          const expected = ['enabled', ...Object.keys(defaults)].join(', ');
          throw new InputError(
            `Invalid config at '${key}.${name}': unknown setting of rule ${rule.id}; expected one of ${expected}`,
          );
        }
      }
      ruleSettings[rule.id] = settings;
    }

    return {
      serviceTypes,
      platformTemplates: mandate.getOptionalStringArray('platformTemplates'),
      maxWaiverDays,
      rules: ruleSettings,
      definitionLimits: readDefinitionLimits(mandate),
      warnings: unknownRuleKeys(mandate.getOptionalConfig('rules'), known),
    };
  });
}

/** `mandate.limits.maxDefinition*`, when either is set; positive integers. */
function readDefinitionLimits(mandate: Config): DefinitionLimits | undefined {
  const read = (name: keyof DefinitionLimits) => {
    const value = mandate.getOptionalNumber(`limits.${name}`);
    if (value !== undefined && !(Number.isInteger(value) && value > 0)) {
      throw new InputError(
        `Invalid config at 'mandate.limits.${name}': expected a positive integer, got ${value}`,
      );
    }
    return value;
  };
  const maxDefinitionBytes = read('maxDefinitionBytes');
  const maxDefinitionWork = read('maxDefinitionWork');
  if (maxDefinitionBytes === undefined && maxDefinitionWork === undefined) {
    return undefined;
  }
  return {
    maxDefinitionBytes:
      maxDefinitionBytes ?? DEFAULT_DEFINITION_LIMITS.maxDefinitionBytes,
    maxDefinitionWork:
      maxDefinitionWork ?? DEFAULT_DEFINITION_LIMITS.maxDefinitionWork,
  };
}

function readOption(
  section: Config,
  name: string,
  fallback: unknown,
  key: string,
) {
  if (typeof fallback === 'number') {
    const value = section.getNumber(name);
    if (!Number.isFinite(value) || value < 0) {
      throw new InputError(
        `Invalid config at '${key}': expected a non-negative number, got ${value}`,
      );
    }
    return value;
  }
  if (typeof fallback === 'boolean') return section.getBoolean(name);
  if (Array.isArray(fallback)) return section.getStringArray(name);
  return section.getString(name);
}

/** Settings under `mandate.rules` that belong to no known rule: probably a typo in an id. */
function unknownRuleKeys(
  rulesSection: Config | undefined,
  known: Set<string>,
): string[] {
  if (!rulesSection) return [];
  const warnings: string[] = [];
  const walk = (section: Config, path: string) => {
    for (const name of section.keys()) {
      const id = path ? `${path}.${name}` : name;
      if (known.has(id)) continue;
      const child = section.getOptional(name);
      const isPrefix = [...known].some(ruleId => ruleId.startsWith(`${id}.`));
      if (
        isPrefix &&
        child &&
        typeof child === 'object' &&
        !Array.isArray(child)
      ) {
        walk(section.getConfig(name), id);
      } else {
        warnings.push(`mandate.rules.${id} does not configure any known rule`);
      }
    }
  };
  walk(rulesSection, '');
  return warnings;
}

function withInputErrors<T>(read: () => T): T {
  try {
    return read();
  } catch (e) {
    if (e instanceof InputError) throw e;
    // ConfigReader's messages already name the key and the expected type.
    throw new InputError((e as Error).message);
  }
}
