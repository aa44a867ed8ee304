import { Config } from '@backstage/config';
import { InputError } from '@backstage/errors';
import {
  RuleOptionSchema,
  RuleOptionSchemas,
} from '@mandate-dev/plugin-mandate-common';
import { DEFAULT_DEFINITION_LIMITS, DefinitionLimits } from '../apis';
import {
  DEFAULT_MANDATE_CONFIG,
  MandateConfig,
  RuleSettings,
} from './MandateConfig';
import { optionValueProblem } from './RuleOptionSchema';

/** What config reading needs to know of a rule: its id and its option schemas. */
export interface ConfigurableRule {
  id: string;
  options?: RuleOptionSchemas;
}

/**
 * Reads and validates `mandate:` from app-config. Rule thresholds are checked against the option
 * schemas of the rules passed in `rules` (built-in and custom alike). Throws InputError naming
 * the offending key.
 *
 * @public
 */
export function readMandateConfig(
  config: Config,
  rules: readonly ConfigurableRule[],
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
      const schemas = rule.options ?? {};
      for (const name of section.keys()) {
        if (name === 'enabled') {
          settings.enabled = section.getBoolean('enabled');
        } else if (Object.hasOwn(schemas, name)) {
          const value = readTyped(section, name, schemas[name]);
          const expected = optionValueProblem(schemas[name], value);
          if (expected) {
            throw new InputError(
              `Invalid config at '${key}.${name}': expected ${expected}, got ${JSON.stringify(
                value,
              )}`,
            );
          }
          settings.options[name] = value;
        } else if (
          !rules.some(other => other.id.startsWith(`${rule.id}.${name}`))
        ) {
          const expected = ['enabled', ...Object.keys(schemas)].join(', ');
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

/** The value as its schema's type; ConfigReader's errors name the key and the expected type. */
function readTyped(section: Config, name: string, schema: RuleOptionSchema) {
  switch (schema.type) {
    case 'integer':
    case 'number':
      return section.getNumber(name);
    case 'string-list':
      return section.getStringArray(name);
    case 'boolean':
      return section.getBoolean(name);
    default:
      return section.getString(name);
  }
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
