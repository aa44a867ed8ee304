import { Campaign } from '@mandate-dev/plugin-mandate-common';
import { ScoreRow } from '../store/ResultStore';
import { buildCampaignProgress } from './buildCampaignProgress';

const campaign: Campaign = {
  id: 'c',
  name: 'Runbooks',
  goal: { kind: 'rule', ruleId: 'ops.runbook' },
  scope: { tiers: ['critical'], lifecycles: ['production'] },
  deadline: '2027-01-31',
  owner: 'group:default/platform-team',
  createdAt: '2027-01-01T00:00:00.000Z',
  createdBy: 'user:default/alice',
  updatedAt: '2027-01-01T00:00:00.000Z',
  archivedAt: null,
};

function row(
  entityRef: string,
  owner: string | null,
  status: 'pass' | 'fail' | 'waived' | 'not-applicable',
  extra: Partial<ScoreRow> = {},
): ScoreRow {
  return {
    entityRef,
    owner,
    tier: 'critical',
    system: null,
    lifecycle: 'production',
    level: 'bronze',
    score: 80,
    statuses: { 'ops.runbook': status },
    evaluatedAt: '2027-01-20T00:00:00.000Z',
    ...extra,
  };
}

const latest = [
  row('component:default/a', 'group:default/team-a', 'pass'),
  row('component:default/b', 'group:default/team-a', 'fail'),
  row('component:default/c', 'group:default/team-b', 'waived'),
  row('component:default/d', null, 'not-applicable'),
  // Out of scope: another tier, another lifecycle.
  row('component:default/e', 'group:default/team-b', 'fail', { tier: 'low' }),
  row('component:default/f', 'group:default/team-b', 'fail', {
    lifecycle: 'experimental',
  }),
];

describe('buildCampaignProgress', () => {
  it('counts the services in scope meeting a rule goal per team, the most behind first', () => {
    const progress = buildCampaignProgress(campaign, latest, [], '2027-01-20');
    expect(progress).toEqual({
      total: 4,
      meeting: 3,
      teams: [
        { owner: 'group:default/team-a', total: 2, meeting: 1, late: false },
        { owner: 'group:default/team-b', total: 1, meeting: 1, late: false },
        { owner: null, total: 1, meeting: 1, late: false },
      ],
      lateTeams: [],
      burndown: [],
    });
  });

  it('marks teams late only after the deadline day, and only those still missing', () => {
    expect(
      buildCampaignProgress(campaign, latest, [], '2027-01-31').lateTeams,
    ).toEqual([]);
    const after = buildCampaignProgress(campaign, latest, [], '2027-02-01');
    expect(after.lateTeams).toEqual(['group:default/team-a']);
    expect(after.teams.map(t => t.late)).toEqual([true, false, false]);
  });

  it('burns down per history day over the services in scope today', () => {
    const day = (d: string, ref: string, status: 'pass' | 'fail') => ({
      entityRef: `component:default/${ref}`,
      day: d,
      level: 'bronze' as const,
      statuses: { 'ops.runbook': status },
    });
    const progress = buildCampaignProgress(
      campaign,
      latest,
      [
        day('2027-01-02', 'a', 'fail'),
        day('2027-01-02', 'b', 'fail'),
        day('2027-01-02', 'e', 'fail'),
        day('2027-01-01', 'a', 'fail'),
        day('2027-01-03', 'a', 'pass'),
        day('2027-01-03', 'b', 'fail'),
      ],
      '2027-01-20',
    );
    expect(progress.burndown).toEqual([
      { day: '2027-01-01', remaining: 1, total: 1 },
      { day: '2027-01-02', remaining: 2, total: 2 },
      { day: '2027-01-03', remaining: 1, total: 2 },
    ]);
  });

  it('reads a level goal as that level or better', () => {
    const levelCampaign: Campaign = {
      ...campaign,
      scope: {},
      goal: { kind: 'level', level: 'silver' },
    };
    const progress = buildCampaignProgress(
      levelCampaign,
      [
        row('component:default/a', 'group:default/t', 'pass', {
          level: 'gold',
        }),
        row('component:default/b', 'group:default/t', 'pass', {
          level: 'silver',
        }),
        row('component:default/c', 'group:default/t', 'pass', {
          level: 'bronze',
        }),
        row('component:default/d', 'group:default/t', 'pass', {
          level: 'none',
        }),
      ],
      [],
      '2027-01-20',
    );
    expect(progress).toMatchObject({ total: 4, meeting: 2 });
  });
});
