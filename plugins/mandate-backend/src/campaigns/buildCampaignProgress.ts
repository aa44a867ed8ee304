import {
  Campaign,
  CampaignBurndownPoint,
  CampaignProgress,
  CampaignTeamProgress,
} from '@mandate-dev/plugin-mandate-common';
import { ScoreRow } from '../store/ResultStore';
import {
  GoalFigures,
  inCampaignScope,
  meetsCampaignGoal,
} from './meetsCampaignGoal';

/** One service's figures on one history day. */
export interface HistoryFigures extends GoalFigures {
  entityRef: string;
  day: string;
}

/**
 * A campaign's progress from the latest figures of every service and the history of the
 * services in its scope. The scope is read on today's services (history has no system or
 * lifecycle), so the burn-down follows the services in scope today, day by day. A team is
 * late once the deadline day has passed (`today` after it) and some of its services do not
 * meet the goal.
 */
export function buildCampaignProgress(
  campaign: Campaign,
  latest: readonly ScoreRow[],
  history: readonly HistoryFigures[],
  today: string,
): CampaignProgress {
  const inScope = latest.filter(row => inCampaignScope(campaign.scope, row));
  const overdue = today > campaign.deadline;
  const byTeam = new Map<string | null, CampaignTeamProgress>();
  let meeting = 0;
  for (const row of inScope) {
    const team = byTeam.get(row.owner) ?? {
      owner: row.owner,
      total: 0,
      meeting: 0,
      late: false,
    };
    team.total++;
    if (meetsCampaignGoal(campaign.goal, row)) {
      team.meeting++;
      meeting++;
    }
    team.late = overdue && team.meeting < team.total;
    byTeam.set(row.owner, team);
  }
  // The teams furthest from the goal first; services without an owner last.
  const teams = [...byTeam.values()].sort(
    (a, b) =>
      b.total - b.meeting - (a.total - a.meeting) ||
      Number(a.owner === null) - Number(b.owner === null) ||
      (a.owner ?? '').localeCompare(b.owner ?? ''),
  );
  return {
    total: inScope.length,
    meeting,
    teams,
    lateTeams: teams.filter(t => t.late).map(t => t.owner ?? 'none'),
    burndown: burndown(
      campaign,
      new Set(inScope.map(r => r.entityRef)),
      history,
    ),
  };
}

function burndown(
  campaign: Campaign,
  refs: ReadonlySet<string>,
  history: readonly HistoryFigures[],
): CampaignBurndownPoint[] {
  const days = new Map<string, CampaignBurndownPoint>();
  for (const figures of history) {
    if (!refs.has(figures.entityRef)) continue;
    const point = days.get(figures.day) ?? {
      day: figures.day,
      remaining: 0,
      total: 0,
    };
    point.total++;
    if (!meetsCampaignGoal(campaign.goal, figures)) point.remaining++;
    days.set(figures.day, point);
  }
  return [...days.values()].sort((a, b) => a.day.localeCompare(b.day));
}
