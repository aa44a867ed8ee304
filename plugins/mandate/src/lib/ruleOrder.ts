import {
  BUILT_IN_RULES,
  EntityReportResponse,
  Level,
  RULE_LEVELS,
  RuleLevel,
  RuleResult,
  Tenet,
  TENETS,
} from '@internal/plugin-mandate-common';
import { levelRank, nextLevel } from './levels';

/** What the UI needs to know about a rule when the full description is not loaded. */
export interface RuleMeta {
  id: string;
  tenet?: Tenet;
  level: RuleLevel;
  title?: string;
}

const BUILT_IN_ORDER = new Map<string, number>(
  BUILT_IN_RULES.map((rule, index) => [rule.id, index]),
);

const FAILING = new Set<RuleResult['status']>(['fail', 'error']);

export function isFailing(result: RuleResult): boolean {
  return FAILING.has(result.status);
}

/** The level of each rule of a report: from the report itself, then from the rulebook. */
export function ruleLevels(
  report: Pick<EntityReportResponse, 'rules'>,
  rules: RuleMeta[] = [],
): Map<string, RuleLevel> {
  const levels = new Map<string, RuleLevel>();
  for (const rule of BUILT_IN_RULES) levels.set(rule.id, rule.level);
  for (const rule of rules) levels.set(rule.id, rule.level);
  for (const rule of report.rules ?? []) levels.set(rule.ruleId, rule.level);
  return levels;
}

function compareByLevelThenRulebook(
  levels: Map<string, RuleLevel>,
): (a: RuleResult, b: RuleResult) => number {
  const rank = (id: string) => RULE_LEVELS.indexOf(levels.get(id) ?? 'gold');
  const order = (id: string) =>
    BUILT_IN_ORDER.get(id) ?? Number.MAX_SAFE_INTEGER;
  return (a, b) =>
    rank(a.ruleId) - rank(b.ruleId) ||
    order(a.ruleId) - order(b.ruleId) ||
    a.ruleId.localeCompare(b.ruleId);
}

/** Failing (fail or error) results, the lowest level first, rulebook order within a level. */
export function failingResults(
  report: Pick<EntityReportResponse, 'rules' | 'results'>,
  rules: RuleMeta[] = [],
): RuleResult[] {
  const levels = ruleLevels(report, rules);
  return report.results
    .filter(isFailing)
    .sort(compareByLevelThenRulebook(levels));
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
  rules: RuleMeta[] = [],
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

/** Results grouped by tenet in the rulebook's order; unknown rules go last. */
export function groupByTenet(
  results: RuleResult[],
  rules: RuleMeta[] = [],
): { id: Tenet | 'other'; title: string; results: RuleResult[] }[] {
  const tenetOf = new Map<string, Tenet>();
  for (const rule of BUILT_IN_RULES) tenetOf.set(rule.id, rule.tenet);
  for (const rule of rules) if (rule.tenet) tenetOf.set(rule.id, rule.tenet);
  const order = (id: string) =>
    BUILT_IN_ORDER.get(id) ?? Number.MAX_SAFE_INTEGER;
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
