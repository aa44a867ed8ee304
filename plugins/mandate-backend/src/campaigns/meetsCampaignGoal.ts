import {
  CampaignGoal,
  CampaignScope,
  Level,
  LEVELS,
  RuleStatus,
} from '@mandate-dev/plugin-mandate-common';

const MEETS_RULE: ReadonlySet<RuleStatus> = new Set([
  'pass',
  'waived',
  'not-applicable',
]);

/** A service's figures as the store keeps them, now or on a history day. */
export interface GoalFigures {
  level: Level;
  /** ruleId -> status after waivers. */
  statuses: Record<string, RuleStatus>;
}

/**
 * Whether a service meets a campaign's goal: its level is at least the goal's, or the goal's
 * rule counts as passing for it (as it would toward a level). A rule the service has no result
 * for (disabled, or not yet evaluated) does not meet it.
 */
export function meetsCampaignGoal(
  goal: CampaignGoal,
  figures: GoalFigures,
): boolean {
  if (goal.kind === 'level') {
    return LEVELS.indexOf(figures.level) >= LEVELS.indexOf(goal.level);
  }
  const status = figures.statuses[goal.ruleId];
  return status !== undefined && MEETS_RULE.has(status);
}

/** Whether a service is in a campaign's scope: it matches every non-empty list. */
export function inCampaignScope(
  scope: CampaignScope,
  service: {
    owner: string | null;
    tier: string | null;
    system: string | null;
    lifecycle: string | null;
  },
): boolean {
  const matches = (list: readonly string[] | undefined, value: string | null) =>
    !list || list.length === 0 || (value !== null && list.includes(value));
  return (
    matches(scope.tiers, service.tier) &&
    matches(scope.owners, service.owner) &&
    matches(scope.systems, service.system) &&
    matches(scope.lifecycles, service.lifecycle)
  );
}
