import {
  ApiMandateView,
  ApiRuleFinding,
} from '@mandate-dev/plugin-mandate-common';

/**
 * One rule failing (or waived) at one operation, with every providing service it fails (or is
 * waived) for.
 */
export interface FindingRow {
  id: string;
  /** `GET /orders`, or undefined for the whole definition. */
  operation?: string;
  ruleId: string;
  finding: ApiRuleFinding;
  serviceRefs: string[];
}

/**
 * The table's rows: the services providing an API share its definition, so one rule at one
 * operation with one status is one row naming the services, its message and fix taken from the
 * first of them. A waiver covers one service: its waived finding is a row of its own, with that
 * waiver.
 */
export function findingRows(view: ApiMandateView): FindingRow[] {
  const rows = new Map<string, FindingRow>();
  for (const operation of view.operations) {
    const label =
      operation.method && operation.path
        ? `${operation.method.toUpperCase()} ${operation.path}`
        : undefined;
    for (const finding of operation.findings) {
      const id = `${operation.pointer ?? ''} ${finding.ruleId} ${
        finding.status === 'waived' ? `waived ${finding.serviceRef}` : ''
      }`;
      const row = rows.get(id);
      if (row) {
        if (!row.serviceRefs.includes(finding.serviceRef))
          row.serviceRefs.push(finding.serviceRef);
        continue;
      }
      rows.set(id, {
        id,
        operation: label,
        ruleId: finding.ruleId,
        finding,
        serviceRefs: [finding.serviceRef],
      });
    }
  }
  return [...rows.values()];
}
