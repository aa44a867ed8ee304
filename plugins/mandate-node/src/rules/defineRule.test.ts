import { ConfigReader } from '@backstage/config';
import { readMandateConfig } from '../config';
import { defineRule } from './defineRule';
import { pass } from './RuleOutcome';

const base = {
  tenet: 'operations',
  level: 'silver',
  title: 'Lifecycle',
  description: 'The service declares a lifecycle.',
  rationale: 'Experiments do not get a scorecard.',
  remediation: { text: 'Set it.', snippet: 'spec: {}\n', language: 'yaml' },
  evaluate: () => pass(),
} as const;

describe('defineRule', () => {
  it('refuses an id that is not dot-separated lower-case words', () => {
    expect(() => defineRule({ ...base, id: 'Lifecycle' })).toThrow(
      'Invalid rule id "Lifecycle"',
    );
    expect(() => defineRule({ ...base, id: 'acme.' })).toThrow(
      'Invalid rule id',
    );
    expect(defineRule({ ...base, id: 'acme.lifecycle' }).id).toBe(
      'acme.lifecycle',
    );
  });

  it('refuses an option named enabled, or one without a description', () => {
    expect(() =>
      defineRule({
        ...base,
        id: 'acme.lifecycle',
        options: {
          enabled: { type: 'boolean', default: true, description: 'x' },
        },
      }),
    ).toThrow('"enabled" is reserved');
    expect(() =>
      defineRule({
        ...base,
        id: 'acme.lifecycle',
        options: { max: { type: 'integer', default: 1, description: '' } },
      }),
    ).toThrow('option max has no description');
  });

  it("validates a custom rule's options from its schema, naming the key", () => {
    const rule = defineRule({
      ...base,
      id: 'acme.lifecycle',
      options: {
        allowed: {
          type: 'string-list',
          default: ['production'],
          minItems: 1,
          description: 'Lifecycles that count.',
        },
        minAgeDays: {
          type: 'integer',
          default: 3,
          minimum: 1,
          description: 'Days.',
        },
      },
    });
    const read = (settings: object) =>
      readMandateConfig(
        new ConfigReader({
          mandate: { rules: { acme: { lifecycle: settings } } },
        }),
        [rule],
      );
    expect(read({ allowed: ['beta'] }).rules['acme.lifecycle'].options).toEqual(
      { allowed: ['beta'] },
    );
    expect(() => read({ allowed: [] })).toThrow(
      "Invalid config at 'mandate.rules.acme.lifecycle.allowed': expected a list of at least 1 strings, got []",
    );
    expect(() => read({ minAgeDays: 0.5 })).toThrow(
      "Invalid config at 'mandate.rules.acme.lifecycle.minAgeDays': expected an integer of at least 1, got 0.5",
    );
    expect(() => read({ maxAge: 3 })).toThrow(
      'unknown setting of rule acme.lifecycle; expected one of enabled, allowed, minAgeDays',
    );
  });
});
