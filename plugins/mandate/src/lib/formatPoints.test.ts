import { formatPoints } from './formatPoints';

describe('formatPoints', () => {
  it('shows a score or a change with at most one decimal, signed on request', () => {
    expect(formatPoints(92)).toBe('92');
    expect(formatPoints(71.33333333)).toBe('71.3');
    expect(formatPoints(2.5, { signed: true })).toBe('+2.5');
    expect(formatPoints(-4, { signed: true })).toBe('-4');
    expect(formatPoints(0, { signed: true })).toBe('0');
  });
});
