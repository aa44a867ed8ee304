import { ScoreRow } from '../store/ResultStore';
import { buildSummary } from './buildSummary';

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

describe('buildSummary', () => {
  it("gives each team its score now minus its mean 30 days ago, the owner-less services' too", () => {
    const summary = buildSummary({
      rows,
      filter: {},
      ruleIds: [],
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
        buildSummary({ rows, filter, ruleIds: [], ownerScores30dAgo })
          .organisation.change30d,
      ).toBeNull();
    }
  });

  it('has no change without history 30 days back', () => {
    const summary = buildSummary({
      rows,
      filter: {},
      ruleIds: [],
      ownerScores30dAgo: new Map(),
    });
    expect(summary.organisation.change30d).toBeNull();
    expect(summary.teams.every(team => team.change30d === null)).toBe(true);
  });
});
