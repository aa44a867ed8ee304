import { builtInRules } from '../rules/builtInRules';
import { ConfigReader } from '@backstage/config';
import { InputError } from '@backstage/errors';
import { readMandateConfig } from './readMandateConfig';

const read = (mandate: unknown) =>
  readMandateConfig(new ConfigReader({ mandate } as any), builtInRules);

describe('readMandateConfig', () => {
  it('uses the defaults without a mandate section', () => {
    expect(readMandateConfig(new ConfigReader({}), builtInRules)).toEqual({
      serviceTypes: ['service'],
      maxWaiverDays: 90,
      rules: {},
      warnings: [],
    });
  });

  it('reads service types, templates, waiver horizon and nested rule settings', () => {
    const config = read({
      serviceTypes: ['service', 'website'],
      platformTemplates: ['node-22'],
      maxWaiverDays: 30,
      rules: {
        ownership: {
          'two-pizza-team': { maxMembers: 12 },
          'on-call': { enabled: false },
        },
        ops: { runbook: { sections: ['Diagnosis'] } },
        api: { 'standard-headers': { correlationHeader: 'X-Correlation-ID' } },
      },
    });
    expect(config).toMatchObject({
      serviceTypes: ['service', 'website'],
      platformTemplates: ['node-22'],
      maxWaiverDays: 30,
      rules: {
        'ownership.two-pizza-team': { options: { maxMembers: 12 } },
        'ownership.on-call': { enabled: false, options: {} },
        'ops.runbook': { options: { sections: ['Diagnosis'] } },
        'api.standard-headers': {
          options: { correlationHeader: 'X-Correlation-ID' },
        },
      },
      warnings: [],
    });
  });

  it.each([
    [{ serviceTypes: 'service' }, 'mandate.serviceTypes'],
    [{ serviceTypes: [] }, 'mandate.serviceTypes'],
    [{ platformTemplates: [1] }, 'mandate.platformTemplates'],
    [{ maxWaiverDays: 'soon' }, 'mandate.maxWaiverDays'],
    [{ maxWaiverDays: 0 }, 'mandate.maxWaiverDays'],
    [
      { rules: { ownership: { 'two-pizza-team': { maxMembers: 'twelve' } } } },
      'mandate.rules.ownership.two-pizza-team.maxMembers',
    ],
    [
      { rules: { ownership: { 'two-pizza-team': { maxMembers: -1 } } } },
      'mandate.rules.ownership.two-pizza-team.maxMembers',
    ],
    [
      { rules: { ops: { runbook: { sections: 'Diagnosis' } } } },
      'mandate.rules.ops.runbook.sections',
    ],
    [
      { rules: { ops: { runbook: { enabled: 'maybe' } } } },
      'mandate.rules.ops.runbook.enabled',
    ],
    [
      { rules: { ops: { runbook: { section: ['x'] } } } },
      'mandate.rules.ops.runbook.section',
    ],
    [
      { limits: { maxDefinitionBytes: 0 } },
      'mandate.limits.maxDefinitionBytes',
    ],
    [
      { limits: { maxDefinitionWork: 1.5 } },
      'mandate.limits.maxDefinitionWork',
    ],
    [
      { limits: { maxDefinitionWork: 'lots' } },
      'mandate.limits.maxDefinitionWork',
    ],
  ])('rejects %j naming %s', (mandate, key) => {
    expect(() => read(mandate)).toThrow(InputError);
    expect(() => read(mandate)).toThrow(key);
  });

  it('reads the definition limits, with the defaults for the one not set', () => {
    expect(
      read({ limits: { maxDefinitionBytes: 1024 } }).definitionLimits,
    ).toEqual({
      maxDefinitionBytes: 1024,
      maxDefinitionWork: 20_000_000,
    });
    expect(read({}).definitionLimits).toBeUndefined();
  });

  it('warns about settings of unknown rules', () => {
    const config = read({
      rules: {
        ops: { 'run-book': { enabled: false } },
        custom: { x: { enabled: true } },
      },
    });
    expect(config.warnings).toEqual([
      'mandate.rules.ops.run-book does not configure any known rule',
      'mandate.rules.custom does not configure any known rule',
    ]);
  });
});
