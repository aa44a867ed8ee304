import { LEVELS, RuleInfo } from '@mandate-dev/plugin-mandate-common';
import { ScoreRow } from '../store/ResultStore';

/** One rule a team's services fail, with the services that fail it. */
export interface FailingRule {
  ruleId: string;
  title: string;
  level: RuleInfo['level'];
  /** How many of the team's services fail it (`fail` or `error`). */
  failingServices: number;
  services: string[];
}

/**
 * The rules a team's services fail, by impact: a rule of a lower level first (a failing
 * bronze rule keeps a service from every level), then the rule more services fail, then by id.
 * `error` counts as failing, as in the score; waived results do not.
 */
export function rankTeamFailingRules(
  rows: readonly ScoreRow[],
  rules: readonly RuleInfo[],
): FailingRule[] {
  return rules
    .map(rule => {
      const services = rows
        .filter(row => {
          const status = row.statuses[rule.id];
          return status === 'fail' || status === 'error';
        })
        .map(row => row.entityRef)
        .sort();
      return {
        ruleId: rule.id,
        title: rule.title,
        level: rule.level,
        failingServices: services.length,
        services,
      };
    })
    .filter(rule => rule.failingServices > 0)
    .sort(
      (a, b) =>
        LEVELS.indexOf(a.level) - LEVELS.indexOf(b.level) ||
        b.failingServices - a.failingServices ||
        a.ruleId.localeCompare(b.ruleId),
    );
}
