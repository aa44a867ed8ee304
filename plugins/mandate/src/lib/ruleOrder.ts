import {
  EntityReportResponse,
  Level,
  RULE_LEVELS,
  RuleLevel,
  RuleResult,
  Tenet,
  TENETS,
} from '@mandate-dev/plugin-mandate-common';
import { levelRank, nextLevel } from './levels';

/**
 * What the UI needs to know about a rule: an item of GET /rules. The UI keeps no list of rules
 * of its own; the order of those items (the report's order) is the order it shows rules in.
 */
export interface RuleMeta {
  id: string;
  tenet?: Tenet;
  level: RuleLevel;
  title?: string;
}

/**
 * The position of each rule: its place in GET /rules, then, for a rule that list lacks (it did
 * not load, or the rule was turned off since the report was written), its place in the report.
 */
function ruleOrder(
  report: Pick<EntityReportResponse, 'rules'> | undefined,
  rules: RuleMeta[],
): (id: string) => number {
  const order = new Map<string, number>();
  for (const id of [
    ...rules.map(rule => rule.id),
    ...(report?.rules ?? []).map(rule => rule.ruleId),
  ]) {
    if (!order.has(id)) order.set(id, order.size);
  }
  return id => order.get(id) ?? Number.MAX_SAFE_INTEGER;
}

const FAILING = new Set<RuleResult['status']>(['fail', 'error']);

export function isFailing(result: RuleResult): boolean {
  return FAILING.has(result.status);
}

/** The level of each rule of a report: from the report itself, then from GET /rules. */
export function ruleLevels(
  report: Pick<EntityReportResponse, 'rules'>,
  rules: RuleMeta[],
): Map<string, RuleLevel> {
  const levels = new Map<string, RuleLevel>();
  for (const rule of rules) levels.set(rule.id, rule.level);
  for (const rule of report.rules ?? []) levels.set(rule.ruleId, rule.level);
  return levels;
}

function compareByLevelThenRulebook(
  levels: Map<string, RuleLevel>,
  order: (id: string) => number,
): (a: RuleResult, b: RuleResult) => number {
  const rank = (id: string) => RULE_LEVELS.indexOf(levels.get(id) ?? 'gold');
  return (a, b) =>
    rank(a.ruleId) - rank(b.ruleId) ||
    order(a.ruleId) - order(b.ruleId) ||
    a.ruleId.localeCompare(b.ruleId);
}

/** Failing (fail or error) results, the lowest level first, rulebook order within a level. */
export function failingResults(
  report: Pick<EntityReportResponse, 'rules' | 'results'>,
  rules: RuleMeta[],
): RuleResult[] {
  const levels = ruleLevels(report, rules);
  return report.results
    .filter(isFailing)
    .sort(compareByLevelThenRulebook(levels, ruleOrder(report, rules)));
}

export interface ChecklistItem {
  result: RuleResult;
  level: RuleLevel;
}

/**
 * What the service needs for its next level, in order: every failing rule at or below that level,
 * the lowest missed level first.
 */
export function nextLevelChecklist(
  report: Pick<EntityReportResponse, 'rules' | 'results' | 'level'>,
  rules: RuleMeta[],
): { target: RuleLevel | undefined; items: ChecklistItem[] } {
  const target = nextLevel(report.level);
  if (!target) {
    return { target, items: [] };
  }
  const levels = ruleLevels(report, rules);
  const items = failingResults(report, rules)
    .map(result => ({ result, level: levels.get(result.ruleId) ?? 'gold' }))
    .filter(
      item => RULE_LEVELS.indexOf(item.level) <= RULE_LEVELS.indexOf(target),
    );
  return { target, items };
}

/**
 * Results grouped by tenet (from GET /rules) in the rulebook's order of tenets, the rules of a
 * tenet in GET /rules order; rules that list does not know go last, under "Other rules".
 */
export function groupByTenet(
  results: RuleResult[],
  rules: RuleMeta[],
): { id: Tenet | 'other'; title: string; results: RuleResult[] }[] {
  const tenetOf = new Map<string, Tenet>();
  for (const rule of rules) if (rule.tenet) tenetOf.set(rule.id, rule.tenet);
  const order = ruleOrder(undefined, rules);
  const groups = [
    ...TENETS.map(tenet => ({
      id: tenet.id as Tenet | 'other',
      title: tenet.title,
      results: [] as RuleResult[],
    })),
    { id: 'other' as const, title: 'Other rules', results: [] as RuleResult[] },
  ];
  for (const result of results) {
    const tenet = tenetOf.get(result.ruleId) ?? 'other';
    groups.find(group => group.id === tenet)!.results.push(result);
  }
  for (const group of groups) {
    group.results.sort(
      (a, b) =>
        order(a.ruleId) - order(b.ruleId) || a.ruleId.localeCompare(b.ruleId),
    );
  }
  return groups.filter(group => group.results.length > 0);
}

/** A level comparison usable as a table sort key. */
export function compareLevels(a: Level, b: Level): number {
  return levelRank(a) - levelRank(b);
}

/** The failing results that keep a service from one level. */
export interface BlockingGroup {
  level: RuleLevel;
  results: RuleResult[];
}

/**
 * The failing (fail or error) results grouped by the level they block, bronze first: a failing
 * silver rule keeps the service from silver and everything above. Empty levels are left out.
 */
export function blockingGroups(
  report: Pick<EntityReportResponse, 'rules' | 'results'>,
  rules: RuleMeta[],
): BlockingGroup[] {
  const levels = ruleLevels(report, rules);
  const failing = failingResults(report, rules);
  return RULE_LEVELS.map(level => ({
    level,
    results: failing.filter(
      result => (levels.get(result.ruleId) ?? 'gold') === level,
    ),
  })).filter(group => group.results.length > 0);
}
