import {
  EntityReportResponse,
  Waiver,
} from '@mandate-dev/plugin-mandate-common';

/** The waivers of a report that still count (not revoked, not expired), by rule. */
export function activeWaivers(
  report: EntityReportResponse,
): Map<string, Waiver> {
  const now = Date.now();
  const byRule = new Map<string, Waiver>();
  for (const waiver of report.waivers ?? []) {
    if (!waiver.revokedAt && new Date(waiver.expiresAt).getTime() > now) {
      byRule.set(waiver.ruleId, waiver);
    }
  }
  return byRule;
}
