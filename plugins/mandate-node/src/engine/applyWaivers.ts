import {
  EntityReport,
  RuleLevels,
  RuleResult,
  scoreResults,
} from '@mandate-dev/plugin-mandate-common';
import { WaiverLookup } from './indexWaivers';

/**
 * Applies the waivers in force to one entity's unwaived report and recomputes its score and
 * level from `levels`, the level of every rule that runs (a result of any other rule is
 * dropped). The backend keeps unwaived results, so granting, revoking or the expiry of a
 * waiver only needs this, not a new evaluation.
 *
 * @public
 */
export function applyWaivers(
  report: EntityReport,
  levels: RuleLevels,
  waiverFor: WaiverLookup,
): EntityReport {
  return {
    ...report,
    ...scoreResults(
      report.results.map(result =>
        applyWaiver(report.entityRef, result, waiverFor),
      ),
      levels,
    ),
  };
}

/**
 * Only a `fail` can be waived: "it fails, but a waiver covers it". An `error` means the rule
 * could not be evaluated at all, which a waiver granted for a known failure must not hide.
 */
function applyWaiver(
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
