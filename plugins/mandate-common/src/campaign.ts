import { RuleResult } from './report';
import { RuleLevel, Tier } from './status';

/**
 * What a campaign asks of the services in its scope: reach a level, or pass one rule
 * (`pass`, `waived` and `not-applicable` meet a rule goal, as they meet a level).
 *
 * @public
 */
export type CampaignGoal =
  | { kind: 'level'; level: RuleLevel }
  | { kind: 'rule'; ruleId: string };

/**
 * Which services a campaign covers: a service is in scope when it matches every list given
 * (an absent or empty list matches all). Owners and systems are full, lower-case refs.
 *
 * @public
 */
export interface CampaignScope {
  tiers?: Tier[];
  owners?: string[];
  systems?: string[];
  lifecycles?: string[];
}

/**
 * A rule a campaign announces: before `enforcedFrom` (a YYYY-MM-DD day, UTC) its results keep
 * their status but are marked upcoming and count toward neither score nor level; from that day
 * on they count.
 *
 * @public
 */
export interface CampaignAnnouncement {
  ruleId: string;
  enforcedFrom: string;
}

/** POST /campaigns and PUT /campaigns/{id}: what a campaign is made of. @public */
export interface CampaignRequest {
  name: string;
  goal: CampaignGoal;
  scope: CampaignScope;
  /** YYYY-MM-DD: the last day to meet the goal. */
  deadline: string;
  /** The group that runs the campaign (full, lower-case ref). */
  owner: string;
  announces?: CampaignAnnouncement;
}

/** A stored campaign. @public */
export interface Campaign extends CampaignRequest {
  id: string;
  createdAt: string;
  createdBy: string;
  updatedAt: string;
  /** Set when the campaign was archived (DELETE): it no longer shows nor announces. */
  archivedAt: string | null;
}

/** One team's services in a campaign's scope. @public */
export interface CampaignTeamProgress {
  /** The owning group ref; null for services without an owner. */
  owner: string | null;
  total: number;
  meeting: number;
  /** The deadline has passed and some of the team's services do not meet the goal. */
  late: boolean;
}

/** One day of a campaign's burn-down: services in scope not meeting the goal that day. @public */
export interface CampaignBurndownPoint {
  day: string;
  remaining: number;
  total: number;
}

/** How far a campaign is. @public */
export interface CampaignProgress {
  total: number;
  meeting: number;
  teams: CampaignTeamProgress[];
  /** The owners of the late teams (`none` for services without an owner). */
  lateTeams: string[];
  burndown: CampaignBurndownPoint[];
}

/** GET /campaigns items and GET /campaigns/{id}: a campaign and its progress. @public */
export interface CampaignWithProgress extends Campaign {
  progress: CampaignProgress;
}

/**
 * The rules announced but not yet enforced on `day` (YYYY-MM-DD), with their enforcement day:
 * when several campaigns announce one rule, the earliest day wins, since from then on some
 * campaign enforces it.
 *
 * @public
 */
export function upcomingRules(
  announcements: Iterable<CampaignAnnouncement>,
  day: string,
): Map<string, string> {
  const upcoming = new Map<string, string>();
  for (const { ruleId, enforcedFrom } of announcements) {
    const known = upcoming.get(ruleId);
    if (!known || enforcedFrom < known) upcoming.set(ruleId, enforcedFrom);
  }
  for (const [ruleId, enforcedFrom] of upcoming) {
    if (enforcedFrom <= day) upcoming.delete(ruleId);
  }
  return upcoming;
}

/**
 * Marks the results of upcoming rules (statuses unchanged: they are a public contract) and
 * clears marks of rules no longer upcoming.
 *
 * @public
 */
export function markUpcoming(
  results: readonly RuleResult[],
  upcoming: ReadonlyMap<string, string>,
): RuleResult[] {
  return results.map(result => {
    const enforcedFrom = upcoming.get(result.ruleId);
    const { upcoming: _old, ...rest } = result;
    return enforcedFrom ? { ...rest, upcoming: { enforcedFrom } } : rest;
  });
}
