import { RuleInfo } from '@mandate-dev/plugin-mandate-common';
import { ScoreRow } from '../store/ResultStore';
import { rankTeamFailingRules } from './rankTeamFailingRules';

function rule(id: string, level: RuleInfo['level']): RuleInfo {
  return {
    id,
    level,
    title: `title of ${id}`,
    tenet: 'operations',
    description: '',
    rationale: '',
    remediation: { text: '', snippet: '', language: 'yaml' },
    options: {},
  } as RuleInfo;
}

function row(entityRef: string, statuses: ScoreRow['statuses']): ScoreRow {
  return {
    entityRef,
    owner: 'group:default/team',
    tier: null,
    system: null,
    lifecycle: null,
    level: 'none',
    score: 0,
    statuses,
    evaluatedAt: '2026-12-01T00:00:00.000Z',
  };
}

describe('rankTeamFailingRules', () => {
  const rules = [
    rule('gold.many', 'gold'),
    rule('silver.one', 'silver'),
    rule('silver.two', 'silver'),
    rule('bronze.one', 'bronze'),
    rule('bronze.passing', 'bronze'),
  ];

  it('puts lower levels first, then the rules more services fail; error fails, waived does not', () => {
    const rows = [
      row('component:default/a', {
        'gold.many': 'fail',
        'silver.one': 'waived',
        'silver.two': 'fail',
        'bronze.one': 'error',
        'bronze.passing': 'pass',
      }),
      row('component:default/b', {
        'gold.many': 'fail',
        'silver.one': 'fail',
        'silver.two': 'fail',
        'bronze.passing': 'not-applicable',
      }),
      row('component:default/c', { 'gold.many': 'fail' }),
    ];
    expect(
      rankTeamFailingRules(rows, rules).map(r => [
        r.ruleId,
        r.failingServices,
        r.services,
      ]),
    ).toEqual([
      ['bronze.one', 1, ['component:default/a']],
      ['silver.two', 2, ['component:default/a', 'component:default/b']],
      ['silver.one', 1, ['component:default/b']],
      [
        'gold.many',
        3,
        ['component:default/a', 'component:default/b', 'component:default/c'],
      ],
    ]);
  });

  it('is empty when nothing fails', () => {
    expect(
      rankTeamFailingRules([row('component:default/a', {})], rules),
    ).toEqual([]);
  });
});
