import { plural } from './plural';

describe('plural', () => {
  it('puts the noun in the number of the count', () => {
    expect(plural(1, 'service')).toBe('1 service');
    expect(plural(0, 'service')).toBe('0 services');
    expect(plural(9, 'service')).toBe('9 services');
    expect(plural(2, 'failing rule')).toBe('2 failing rules');
  });
});
