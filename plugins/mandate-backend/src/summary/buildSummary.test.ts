import { ScoreRow } from '../store/ResultStore';
import { buildSummary } from './buildSummary';
import { DEFAULT_REQUIRED_LEVELS } from './readRequiredLevels';

function row(
  entityRef: string,
  owner: string | null,
  score: number,
  extra: Partial<ScoreRow> = {},
): ScoreRow {
  return {
    entityRef,
    owner,
    tier: 'high',
    system: null,
    lifecycle: 'production',
    level: 'bronze',
    score,
    statuses: {},
    evaluatedAt: '2026-11-26T10:00:00.000Z',
    ...extra,
  };
}

const TEAM_A = 'group:default/team-a';
const TEAM_B = 'group:default/team-b';
const rows = [
  row('component:default/a1', TEAM_A, 80),
  row('component:default/a2', TEAM_A, 70),
  row('component:default/b1', TEAM_B, 90),
  row('component:default/n1', null, 40),
];
// 30 days ago: team-a's two services meant 60, team-b's one 95, the owner-less one 40.
const ownerScores30dAgo = new Map([
  [TEAM_A, { scoreSum: 120, count: 2 }],
  [TEAM_B, { scoreSum: 95, count: 1 }],
  ['none', { scoreSum: 40, count: 1 }],
]);

const NO_TREND = {
  requiredLevels: DEFAULT_REQUIRED_LEVELS,
  trend: { days: ['2026-11-26'], scores: [] },
};

describe('buildSummary', () => {
  it("gives each team its score now minus its mean 30 days ago, the owner-less services' too", () => {
    const summary = buildSummary({
      rows,
      filter: {},
      ruleIds: [],
      ...NO_TREND,
      ownerScores30dAgo,
    });
    expect(
      summary.teams.map(team => [team.owner, team.score, team.change30d]),
    ).toEqual([
      [TEAM_A, 75, 15],
      [TEAM_B, 90, -5],
      ['none', 40, 0],
    ]);
  });

  it('gives the organisation its mean now minus the mean of all services 30 days ago', () => {
    const summary = buildSummary({
      rows,
      filter: {},
      ruleIds: [],
      ...NO_TREND,
      ownerScores30dAgo,
    });
    // now (80 + 70 + 90 + 40) / 4 = 70; then (120 + 95 + 40) / 4 = 63.75
    expect(summary.organisation).toMatchObject({ score: 70, change30d: 6.3 });
  });

  it("under an owner filter gives the team's figure, under the other filters none", () => {
    const teamA = buildSummary({
      rows: rows.filter(r => r.owner === TEAM_A),
      filter: { owner: TEAM_A },
      ruleIds: [],
      ...NO_TREND,
      ownerScores30dAgo,
    });
    expect(teamA.organisation.change30d).toBe(15);
    expect(teamA.organisation.change30d).toBe(teamA.teams[0].change30d);

    for (const filter of [
      { tier: 'high' as const },
      { system: 'system:default/shop' },
      { lifecycle: 'production' },
    ]) {
      expect(
        buildSummary({
          rows,
          filter,
          ruleIds: [],
          ...NO_TREND,
          ownerScores30dAgo,
        }).organisation.change30d,
      ).toBeNull();
    }
  });

  it('has no change without history 30 days back', () => {
    const summary = buildSummary({
      rows,
      filter: {},
      ruleIds: [],
      ...NO_TREND,
      ownerScores30dAgo: new Map(),
    });
    expect(summary.organisation.change30d).toBeNull();
    expect(summary.teams.every(team => team.change30d === null)).toBe(true);
  });

  it('counts per tier the services at each level and those at or above the required level', () => {
    const matrixRows = [
      row('component:default/c1', TEAM_A, 100, {
        tier: 'critical',
        level: 'gold',
      }),
      row('component:default/c2', TEAM_A, 90, {
        tier: 'critical',
        level: 'silver',
      }),
      row('component:default/h1', TEAM_B, 90, { tier: 'high', level: 'gold' }),
      row('component:default/h2', TEAM_B, 80, {
        tier: 'high',
        level: 'silver',
      }),
      row('component:default/h3', TEAM_B, 50, {
        tier: 'high',
        level: 'bronze',
      }),
      row('component:default/l1', TEAM_B, 40, { tier: 'low', level: 'bronze' }),
      row('component:default/l2', TEAM_B, 10, { tier: 'low', level: 'none' }),
      row('component:default/x1', null, 60, { tier: null, level: 'none' }),
    ];
    const summary = buildSummary({
      rows: matrixRows,
      filter: {},
      ruleIds: [],
      ownerScores30dAgo,
      ...NO_TREND,
      requiredLevels: { ...DEFAULT_REQUIRED_LEVELS, high: 'gold' },
    });
    expect(
      summary.tiers.map(t => [
        t.tier,
        t.requiredLevel,
        t.atRequiredLevel,
        t.services,
        t.levels,
      ]),
    ).toEqual([
      ['critical', 'gold', 1, 2, { none: 0, bronze: 0, silver: 1, gold: 1 }],
      ['high', 'gold', 1, 3, { none: 0, bronze: 1, silver: 1, gold: 1 }],
      ['low', 'bronze', 1, 2, { none: 1, bronze: 1, silver: 0, gold: 0 }],
      ['none', 'bronze', 0, 1, { none: 1, bronze: 0, silver: 0, gold: 0 }],
    ]);
    expect(summary.organisation.atRequiredLevel).toBe(3);
  });

  it("gives each team its mean score per trend day, null without history, today's score last", () => {
    const days = ['2026-11-20', '2026-11-23', '2026-11-26'];
    const scores = [
      {
        day: '2026-11-20',
        owner: TEAM_A,
        tier: 'high' as const,
        scoreSum: 100,
        count: 2,
      },
      {
        day: '2026-11-20',
        owner: TEAM_A,
        tier: 'low' as const,
        scoreSum: 20,
        count: 1,
      },
      {
        day: '2026-11-23',
        owner: TEAM_A,
        tier: 'high' as const,
        scoreSum: 130,
        count: 2,
      },
      {
        day: '2026-11-23',
        owner: TEAM_B,
        tier: 'high' as const,
        scoreSum: 85,
        count: 1,
      },
    ];
    const summary = buildSummary({
      rows,
      filter: {},
      ruleIds: [],
      ownerScores30dAgo,
      requiredLevels: DEFAULT_REQUIRED_LEVELS,
      trend: { days, scores },
    });
    expect(summary.trendDays).toEqual(days);
    expect(summary.teams.map(team => [team.owner, team.trend])).toEqual([
      [TEAM_A, [40, 65, 75]],
      [TEAM_B, [null, 85, 90]],
      ['none', [null, null, 40]],
    ]);

    const high = buildSummary({
      rows,
      filter: { tier: 'high' },
      ruleIds: [],
      ownerScores30dAgo,
      requiredLevels: DEFAULT_REQUIRED_LEVELS,
      trend: { days, scores },
    });
    expect(high.teams.find(t => t.owner === TEAM_A)?.trend).toEqual([
      50, 65, 75,
    ]);

    const bySystem = buildSummary({
      rows,
      filter: { system: 'system:default/shop' },
      ruleIds: [],
      ownerScores30dAgo,
      requiredLevels: DEFAULT_REQUIRED_LEVELS,
      trend: { days, scores },
    });
    expect(bySystem.teams.every(team => team.trend === undefined)).toBe(true);
  });
});
