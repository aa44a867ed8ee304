import { formatPercent } from './formatPercent';

describe('formatPercent', () => {
  it('shows at most four decimals, without trailing zeros', () => {
    expect(formatPercent(99.95)).toBe('99.95%');
    expect(formatPercent(99.4005)).toBe('99.4005%');
    expect(formatPercent(99.400499)).toBe('99.4004%');
    expect(formatPercent(99.5)).toBe('99.5%');
    expect(formatPercent(100)).toBe('100%');
  });

  it('never rounds a value up to a target it misses', () => {
    // 99.95 × 99.99 … : just short of 99.95 must not read as 99.95
    expect(formatPercent(99.94999)).toBe('99.9499%');
  });
});
