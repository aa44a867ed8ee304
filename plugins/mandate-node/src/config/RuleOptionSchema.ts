import type {
  RuleOptionSchema,
  RuleOptionSchemas,
  RuleOptionValueOf,
} from '@mandate-dev/plugin-mandate-common';

/** The defaults of a rule's options. */
export function optionDefaults(
  schemas: RuleOptionSchemas | undefined,
): Record<string, RuleOptionValueOf<RuleOptionSchema>> {
  return Object.fromEntries(
    Object.entries(schemas ?? {}).map(([name, schema]) => [
      name,
      Array.isArray(schema.default) ? [...schema.default] : schema.default,
    ]),
  );
}

/**
 * Why a configured value does not fit its schema, or undefined when it does. The message
 * completes "expected ...", so that the caller can name the config key.
 */
export function optionValueProblem(
  schema: RuleOptionSchema,
  value: unknown,
): string | undefined {
  switch (schema.type) {
    case 'integer':
    case 'number': {
      const isNumber =
        typeof value === 'number' &&
        Number.isFinite(value) &&
        (schema.type === 'number' || Number.isInteger(value));
      const minimum = schema.minimum ?? 0;
      if (isNumber && value >= minimum) return undefined;
      return `${
        schema.type === 'integer' ? 'an integer' : 'a number'
      } of at least ${minimum}`;
    }
    case 'string':
      return typeof value === 'string' && value.trim() !== ''
        ? undefined
        : 'a non-empty string';
    case 'string-list': {
      const minItems = schema.minItems ?? 0;
      return Array.isArray(value) &&
        value.every(item => typeof item === 'string') &&
        value.length >= minItems
        ? undefined
        : `a list of ${minItems > 0 ? `at least ${minItems} ` : ''}strings`;
    }
    case 'boolean':
      return typeof value === 'boolean' ? undefined : 'true or false';
    default:
      return 'a value this version of Mandate knows';
  }
}
