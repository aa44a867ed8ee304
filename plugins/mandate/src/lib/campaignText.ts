import {
  CampaignGoal,
  CampaignScope,
  formatPercent,
  RuleInfo,
} from '@mandate-dev/plugin-mandate-common';
import { LEVEL_LABELS } from './levels';

/** "Silver or better", "Rule ops.runbook (Runbook) passing". */
export function describeGoal(goal: CampaignGoal, rules: RuleInfo[] = []) {
  if (goal.kind === 'level') return `${LEVEL_LABELS[goal.level]} or better`;
  const title = rules.find(rule => rule.id === goal.ruleId)?.title;
  return `Rule ${goal.ruleId}${title ? ` (${title})` : ''} passing`;
}

/** "Tier critical, high · owner checkout-team"; "All services" when nothing narrows it. */
export function describeScope(scope: CampaignScope) {
  const parts = [
    scope.tiers?.length && `tier ${scope.tiers.join(', ')}`,
    scope.owners?.length && `owner ${scope.owners.map(shortRef).join(', ')}`,
    scope.systems?.length && `system ${scope.systems.map(shortRef).join(', ')}`,
    scope.lifecycles?.length && `lifecycle ${scope.lifecycles.join(', ')}`,
  ].filter(Boolean) as string[];
  if (parts.length === 0) return 'All services';
  const text = parts.join(' · ');
  return text.charAt(0).toUpperCase() + text.slice(1);
}

/**
 * The share of services meeting the goal, cut down to a whole percent (never 100% while one
 * service is missing), in the screens' percent format.
 */
export function progressPercent(meeting: number, total: number) {
  if (total === 0) return formatPercent(100);
  return formatPercent(Math.floor((100 * meeting) / total));
}

/** `group:default/checkout-team` -> `checkout-team`. */
export function shortRef(ref: string) {
  return ref.replace(/^[^:]+:default\//, '');
}
