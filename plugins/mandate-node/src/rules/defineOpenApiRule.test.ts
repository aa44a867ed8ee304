import { describeRule } from './describeRule';
import { errorSchemaRule } from './api/errorSchema';
import { builtInRules } from './builtInRules';
import { isOpenApiRule } from './defineOpenApiRule';

describe('defineOpenApiRule', () => {
  it('builds ordinary rules that keep their document check out of their description', () => {
    expect(builtInRules.filter(isOpenApiRule).map(rule => rule.id)).toEqual([
      'api.http-status-errors',
      'api.error-schema',
      'api.security',
      'api.versioned',
      'api.standard-headers',
      'api.rate-limited',
    ]);
    expect(typeof errorSchemaRule.checkDocument).toBe('function');
    const description = describeRule(errorSchemaRule);
    expect(description).not.toHaveProperty('checkDocument');
    expect(description).not.toHaveProperty('override');
    expect(description.defaults).toEqual({ errorSchema: 'Problem' });
  });
});
