import { checkKeepaliveTimeout } from './checkKeepaliveTimeout';
import { testContext } from './testEntity';

describe('checkKeepaliveTimeout', () => {
  it.each(['60', '75', '0.5', ' 30 '])('accepts %j', seconds => {
    expect(checkKeepaliveTimeout(seconds, testContext())).toEqual([]);
  });

  it.each(['0', '-5', '60s', '1m', 'forever', '1e3'])('rejects %j', seconds => {
    expect(checkKeepaliveTimeout(seconds, testContext())).toEqual([
      'is not a positive number of seconds',
    ]);
  });
});
