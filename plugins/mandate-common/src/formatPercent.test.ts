import { formatPercent } from './formatPercent';

describe('formatPercent', () => {
  it('cuts computed values to four decimals, without trailing zeros', () => {
    expect(formatPercent(99.85000000000001)).toBe('99.85%');
    // the composite of 99.9% and 99.95%, 99.850049999…
    expect(formatPercent((99.9 * 99.95) / 100)).toBe('99.85%');
    expect(formatPercent(98.57506452111)).toBe('98.575%');
    expect(formatPercent(98.73297311111)).toBe('98.7329%');
  });

  it('writes declared values as they are', () => {
    expect(formatPercent(99.95)).toBe('99.95%');
    expect(formatPercent(99.4005)).toBe('99.4005%');
    expect(formatPercent(99.80011)).toBe('99.80011%');
    expect(formatPercent(99.5)).toBe('99.5%');
    expect(formatPercent(100)).toBe('100%');
  });

  it('never shows a failing value at or above the target it misses', () => {
    // failing: below the target by more than the rule's relative tolerance of 1e-9
    for (const [composite, target] of [
      [99.9499999, 99.95],
      [99.9949999, 99.995],
      [99.80010000000001, 99.80011],
      [(99.9 * 99.95) / 100, 99.8501],
    ]) {
      expect(composite).toBeLessThan(target);
      const shown = Number(formatPercent(composite).slice(0, -1));
      const shownTarget = Number(formatPercent(target).slice(0, -1));
      expect(shown).toBeLessThan(shownTarget);
    }
  });
});
