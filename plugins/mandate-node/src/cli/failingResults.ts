import {
  EntityReport,
  Report,
  RuleResult,
} from '@mandate-dev/plugin-mandate-common';

/** A file and line a failing result points at. */
export interface FilePosition {
  file: string;
  line: number;
}

/** One `fail` or `error` result, with the places in files it points at, most precise first. */
export interface FailingResult {
  entity: EntityReport;
  result: RuleResult;
  /**
   * The result's own `locations` that name a file and line (for api.* rules, the failing
   * operations in the definition), then the entity's YAML document; empty when neither is known.
   */
  positions: FilePosition[];
}

/** The results that keep a service from its level (`fail` and `error`), in report order. */
export function failingResults(report: Report): FailingResult[] {
  const failing: FailingResult[] = [];
  for (const entity of report.entities) {
    for (const result of entity.results) {
      if (result.status !== 'fail' && result.status !== 'error') continue;
      const positions: FilePosition[] = [];
      const add = (file: string | undefined, line: number | undefined) => {
        if (!file || !line) return;
        if (positions.some(p => p.file === file && p.line === line)) return;
        positions.push({ file, line });
      };
      for (const location of result.locations ?? []) {
        add(location.file, location.line);
      }
      add(entity.source?.file, entity.source?.line ?? 1);
      failing.push({ entity, result, positions });
    }
  }
  return failing;
}
