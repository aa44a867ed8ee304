import {
  EntityReport,
  ReportedEntity,
  RuleResult,
} from '@mandate-dev/plugin-mandate-common';

/** What an evaluation stores for one service. */
export interface StoredReport {
  /** The report with the waivers in force applied: the figures people see. */
  report: EntityReport;
  /** The results before waivers, as the engine produced them; waivers are re-applied to these. */
  rawResults: RuleResult[];
  title?: string;
  system: string | null;
  lifecycle: string | null;
  evaluatedAt: string;
}

export function toReportedEntity(stored: StoredReport): ReportedEntity {
  return {
    ...stored.report,
    ...(stored.title ? { title: stored.title } : {}),
    system: stored.system,
    lifecycle: stored.lifecycle,
    evaluatedAt: stored.evaluatedAt,
  };
}
