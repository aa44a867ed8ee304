import { LEVELS, Report } from '@internal/plugin-mandate-common';

/**
 * One line per service with its level and score, then its failing rules with their evidence:
 * what a developer reads in a CI log.
 */
export function formatTable(report: Report): string {
  const lines: string[] = [];
  const width = Math.max(10, ...report.entities.map(e => e.entityRef.length));
  for (const entity of report.entities) {
    lines.push(
      `${entity.entityRef.padEnd(width)}  ${entity.level.padEnd(6)}  ${String(
        entity.score,
      ).padStart(3)}`,
    );
    for (const result of entity.results) {
      if (result.status !== 'fail' && result.status !== 'error') continue;
      const tag = result.status === 'fail' ? 'FAIL ' : 'ERROR';
      lines.push(
        `    ${tag} ${result.ruleId}${
          result.message ? `: ${result.message}` : ''
        }`,
      );
      for (const item of result.evidence ?? [])
        lines.push(`          - ${item}`);
    }
  }
  const counts = LEVELS.map(
    level =>
      `${report.entities.filter(e => e.level === level).length} ${level}`,
  ).reverse();
  lines.push(
    '',
    `${report.entities.length} service${
      report.entities.length === 1 ? '' : 's'
    }: ${counts.join(', ')}`,
  );
  return `${lines.join('\n')}\n`;
}
