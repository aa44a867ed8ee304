import { scoreChange } from './scoreChange';

describe('scoreChange', () => {
  const now = new Date('2026-11-26T12:00:00Z');

  it('compares the latest score with the one 30 days before', () => {
    expect(
      scoreChange(
        [
          { day: '2026-10-20', score: 60 },
          { day: '2026-10-27', score: 70 },
          { day: '2026-11-10', score: 75 },
          { day: '2026-11-26', score: 81.25 },
        ],
        30,
        now,
      ),
    ).toBe(11.3);
  });

  it('falls back to the first point of a young history, and needs two points', () => {
    expect(
      scoreChange(
        [
          { day: '2026-11-25', score: 80 },
          { day: '2026-11-20', score: 84 },
        ],
        30,
        now,
      ),
    ).toBe(-4);
    expect(
      scoreChange([{ day: '2026-11-26', score: 80 }], 30, now),
    ).toBeUndefined();
  });
});
