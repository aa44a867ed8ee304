import { RuleResult } from './report';
import { Level, RULE_LEVELS, RuleLevel, RuleStatus } from './status';

const COUNTS_AS_PASSING: ReadonlySet<RuleStatus> = new Set(['pass', 'waived']);

/**
 * round(100 × (pass + waived) / (pass + waived + fail + error)), half up, over the rules that
 * apply. With no applicable rule nothing can be failed, so the score is 100.
 *
 * @public
 */
export function computeScore(statuses: Iterable<RuleStatus>): number {
  let passing = 0;
  let applicable = 0;
  for (const status of statuses) {
    if (status === 'not-applicable') continue;
    applicable++;
    if (COUNTS_AS_PASSING.has(status)) passing++;
  }
  if (applicable === 0) return 100;
  // Integer arithmetic first so that 62.5 rounds to 63 without floating-point surprises.
  return Math.floor((200 * passing + applicable) / (2 * applicable));
}

/**
 * The highest level for which every rule of that level and every lower level is pass, waived
 * or not-applicable.
 *
 * @public
 */
export function computeLevel(
  results: Iterable<{ status: RuleStatus; level: RuleLevel }>,
): Level {
  let firstMissedLevel = RULE_LEVELS.length;
  for (const { status, level } of results) {
    if (status === 'fail' || status === 'error') {
      firstMissedLevel = Math.min(firstMissedLevel, RULE_LEVELS.indexOf(level));
    }
  }
  return firstMissedLevel === 0 ? 'none' : RULE_LEVELS[firstMissedLevel - 1];
}

/** Each rule's level by rule id: the rules that run, the only source of levels. @public */
export type RuleLevels = ReadonlyMap<string, RuleLevel>;

/**
 * An entity's results with its score and level: the one place where they are computed, by the
 * engine, after waivers and in the backend. A result of a rule missing from `levels` (a stored
 * result of a rule that is no longer registered or enabled) is dropped, as a disabled rule's
 * result is: a rule that does not run neither shows nor counts. An upcoming result (a rule a
 * campaign announces, not yet enforced) shows but counts toward neither score nor level.
 *
 * @public
 */
export function scoreResults(
  results: readonly RuleResult[],
  levels: RuleLevels,
): { results: RuleResult[]; score: number; level: Level } {
  const kept = results.filter(result => levels.has(result.ruleId));
  const counted = kept.filter(result => !result.upcoming);
  return {
    results: kept,
    score: computeScore(counted.map(result => result.status)),
    level: computeLevel(
      counted.map(result => ({
        status: result.status,
        level: levels.get(result.ruleId)!,
      })),
    ),
  };
}
