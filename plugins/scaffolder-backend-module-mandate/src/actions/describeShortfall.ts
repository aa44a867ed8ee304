import {
  EntityReport,
  RULE_LEVELS,
  RuleLevel,
  RuleLevels,
} from '@mandate-dev/plugin-mandate-common';

/**
 * Why a service misses `minimumLevel`, for the task log: every failing or erroring rule at or
 * below that level (the ones that actually block it; a failing rule of a higher level does
 * not), with its message and evidence, so that the author knows what to change in the form.
 * `levels` are the levels of the rules the backend ran, custom ones included.
 */
export function describeShortfall(
  entity: EntityReport,
  minimumLevel: RuleLevel,
  levels: RuleLevels,
): string {
  const limit = RULE_LEVELS.indexOf(minimumLevel);
  const lines = [
    `${entity.entityRef} would reach ${entity.level} (score ${entity.score}), below the required ${minimumLevel}:`,
  ];
  for (const result of entity.results) {
    if (result.status !== 'fail' && result.status !== 'error') continue;
    const level = levels.get(result.ruleId);
    // A result without a level does not count towards the level (`scoreResults`).
    if (!level || RULE_LEVELS.indexOf(level) > limit) continue;
    lines.push(
      `- ${result.ruleId} (${level}): ${result.message ?? result.status}`,
    );
    for (const item of result.evidence ?? []) lines.push(`    ${item}`);
  }
  return lines.join('\n');
}
