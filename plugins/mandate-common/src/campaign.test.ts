import { markUpcoming, upcomingRules } from './campaign';
import { scoreResults } from './scoring';

describe('upcomingRules', () => {
  const announcements = [
    { ruleId: 'ops.dashboard', enforcedFrom: '2027-01-15' },
    { ruleId: 'ops.dashboard', enforcedFrom: '2027-02-01' },
    { ruleId: 'api.security', enforcedFrom: '2026-12-01' },
  ];

  it('keeps the rules whose enforcement day has not come, the earliest announcement winning', () => {
    expect(upcomingRules(announcements, '2026-11-30')).toEqual(
      new Map([
        ['ops.dashboard', '2027-01-15'],
        ['api.security', '2026-12-01'],
      ]),
    );
  });

  it('enforces a rule on its enforcement day itself', () => {
    expect([...upcomingRules(announcements, '2026-12-01').keys()]).toEqual([
      'ops.dashboard',
    ]);
    expect(upcomingRules(announcements, '2027-01-15').size).toBe(0);
  });
});

describe('markUpcoming and scoreResults', () => {
  const levels = new Map([
    ['ops.runbook', 'bronze' as const],
    ['ops.dashboard', 'silver' as const],
  ]);
  const results = [
    { ruleId: 'ops.runbook', status: 'pass' as const },
    { ruleId: 'ops.dashboard', status: 'fail' as const },
  ];

  it('keeps the status of an upcoming result but leaves it out of score and level', () => {
    const marked = markUpcoming(
      results,
      new Map([['ops.dashboard', '2027-01-15']]),
    );
    expect(marked[1]).toEqual({
      ruleId: 'ops.dashboard',
      status: 'fail',
      upcoming: { enforcedFrom: '2027-01-15' },
    });
    expect(scoreResults(marked, levels)).toMatchObject({
      score: 100,
      level: 'gold',
    });
    expect(scoreResults(results, levels)).toMatchObject({
      score: 50,
      level: 'bronze',
    });
  });

  it('clears the mark once the rule is enforced', () => {
    const marked = markUpcoming(
      results,
      new Map([['ops.dashboard', '2027-01-15']]),
    );
    expect(markUpcoming(marked, new Map())).toEqual(results);
  });
});
