import { checkRateLimit } from './checkRateLimit';
import { testContext } from './testEntity';

describe('checkRateLimit', () => {
  it('accepts any quota on an API, whatever its format', () => {
    const api = testContext({ kind: 'API' });
    expect(checkRateLimit('1000/min', api)).toEqual([]);
    expect(checkRateLimit('lots', api)).toEqual([]);
  });

  it('rejects it on other kinds, where no rule reads it', () => {
    expect(checkRateLimit('1000/min', testContext())).toEqual([
      'is only read on API entities; put it on the API that carries the quota',
    ]);
  });
});
