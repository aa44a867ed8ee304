import { computeLevel, computeScore, scoreResults } from './scoring';
import { RuleLevel, RuleStatus } from './status';

const repeat = (status: RuleStatus, n: number) =>
  Array<RuleStatus>(n).fill(status);

describe('computeScore', () => {
  it('rounds half up over the rules that apply', () => {
    // 5 of 8 = 62.5 -> 63
    expect(
      computeScore([
        ...repeat('pass', 4),
        'waived',
        ...repeat('fail', 2),
        'error',
      ]),
    ).toBe(63);
    // 1 of 3 = 33.33 -> 33, 2 of 3 = 66.67 -> 67
    expect(computeScore(['pass', 'fail', 'fail'])).toBe(33);
    expect(computeScore(['pass', 'pass', 'fail'])).toBe(67);
    // 1 of 8 = 12.5 -> 13
    expect(computeScore(['pass', ...repeat('fail', 7)])).toBe(13);
  });

  it('ignores not-applicable results', () => {
    expect(
      computeScore(['pass', 'not-applicable', 'fail', 'not-applicable']),
    ).toBe(50);
    expect(computeScore(['not-applicable'])).toBe(100);
  });
});

describe('computeLevel', () => {
  const r = (status: RuleStatus, level: RuleLevel) => ({ status, level });

  it('is the highest level whose rules and all lower ones hold', () => {
    expect(
      computeLevel([
        r('pass', 'bronze'),
        r('waived', 'silver'),
        r('not-applicable', 'gold'),
      ]),
    ).toBe('gold');
    expect(
      computeLevel([
        r('pass', 'bronze'),
        r('pass', 'silver'),
        r('fail', 'gold'),
      ]),
    ).toBe('silver');
    expect(
      computeLevel([
        r('pass', 'bronze'),
        r('error', 'silver'),
        r('pass', 'gold'),
      ]),
    ).toBe('bronze');
    expect(
      computeLevel([
        r('fail', 'bronze'),
        r('pass', 'silver'),
        r('pass', 'gold'),
      ]),
    ).toBe('none');
  });
});

describe('scoreResults', () => {
  const levels = new Map<string, RuleLevel>([
    ['a.bronze', 'bronze'],
    ['b.silver', 'silver'],
    ['c.gold', 'gold'],
  ]);

  it('scores with the level of each rule', () => {
    expect(
      scoreResults(
        [
          { ruleId: 'a.bronze', status: 'pass' },
          { ruleId: 'b.silver', status: 'waived' },
          { ruleId: 'c.gold', status: 'fail', message: 'no' },
        ],
        levels,
      ),
    ).toEqual({
      results: [
        { ruleId: 'a.bronze', status: 'pass' },
        { ruleId: 'b.silver', status: 'waived' },
        { ruleId: 'c.gold', status: 'fail', message: 'no' },
      ],
      score: 67,
      level: 'silver',
    });
  });

  it('drops the result of a rule that is not among the rules, as a disabled one', () => {
    // A failing bronze result of an uninstalled rule would otherwise make it `none`.
    const scored = scoreResults(
      [
        { ruleId: 'a.bronze', status: 'pass' },
        { ruleId: 'gone.rule', status: 'fail' },
        { ruleId: 'c.gold', status: 'pass' },
      ],
      levels,
    );
    expect(scored.results.map(r => r.ruleId)).toEqual(['a.bronze', 'c.gold']);
    expect(scored).toMatchObject({ score: 100, level: 'gold' });
  });
});
