import {
  computeLevel,
  computeScore,
  EntityReport,
  RuleLevel,
  RuleResult,
} from '@internal/plugin-mandate-common';
import { WaiverLookup } from './indexWaivers';

/**
 * Applies the waivers in force to one entity's unwaived report and recomputes its score and
 * level. The backend keeps unwaived results, so granting, revoking or the expiry of a waiver
 * only needs this, not a new evaluation. `levelOf` gives each rule's level.
 */
export function applyWaivers(
  report: EntityReport,
  levelOf: (ruleId: string) => RuleLevel | undefined,
  waiverFor: WaiverLookup,
): EntityReport {
  const results = report.results.map(result =>
    applyWaiver(report.entityRef, result, waiverFor),
  );
  return {
    ...report,
    results,
    score: computeScore(results.map(r => r.status)),
    level: computeLevel(
      results.map(r => ({
        status: r.status,
        level: levelOf(r.ruleId) ?? 'gold',
      })),
    ),
  };
}

/**
 * Only a `fail` can be waived: "it fails, but a waiver covers it". An `error` means the rule
 * could not be evaluated at all, which a waiver granted for a known failure must not hide.
 */
export function applyWaiver(
  entityRef: string,
  result: RuleResult,
  waiverFor: WaiverLookup,
): RuleResult {
  if (result.status !== 'fail') return result;
  const waiver = waiverFor(entityRef, result.ruleId);
  if (!waiver) return result;
  const until = new Date(waiver.expiresAt).toISOString();
  return {
    ...result,
    status: 'waived',
    message: `waived by ${waiver.grantedBy} until ${until}: ${waiver.reason}${
      result.message ? ` (fails: ${result.message})` : ''
    }`,
  };
}
