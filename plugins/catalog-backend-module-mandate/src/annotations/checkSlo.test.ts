import { checkSlo } from './checkSlo';
import { testContext } from './testEntity';

describe('checkSlo', () => {
  it.each(['99.95', '99', '0.5', ' 99.9 ', '99.999'])('accepts %j', slo => {
    expect(checkSlo(slo, testContext())).toEqual([]);
  });

  it.each([
    '99.9%',
    '0',
    '100',
    '100.0',
    '150',
    '-5',
    '1e2',
    '0x10',
    'high',
    '99,9',
  ])('rejects %j', slo => {
    expect(checkSlo(slo, testContext())).toEqual([
      'is not a number between 0 and 100',
    ]);
  });
});
