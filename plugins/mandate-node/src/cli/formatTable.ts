import { LEVELS, Report } from '@mandate-dev/plugin-mandate-common';
import { toTerminalText } from './toTerminalText';

/**
 * One line per service with its level and score, then its failing rules with their evidence
 * and what fixes them:
 * what a developer reads in a CI log. Every string from the catalog goes through
 * toTerminalText: an entity must not be able to write escape sequences to the terminal. Ends
 * with the number of warnings, if any.
 */
export function formatTable(report: Report, warningCount = 0): string {
  const lines: string[] = [];
  const refs = report.entities.map(e => toTerminalText(e.entityRef));
  const width = Math.max(10, ...refs.map(ref => ref.length));
  for (const [i, entity] of report.entities.entries()) {
    lines.push(
      `${refs[i].padEnd(width)}  ${entity.level.padEnd(6)}  ${String(
        entity.score,
      ).padStart(3)}`,
    );
    for (const result of entity.results) {
      if (result.status !== 'fail' && result.status !== 'error') continue;
      const tag = result.status === 'fail' ? 'FAIL ' : 'ERROR';
      lines.push(
        `    ${tag} ${toTerminalText(result.ruleId)}${
          result.message ? `: ${toTerminalText(result.message)}` : ''
        }`,
      );
      for (const item of result.evidence ?? [])
        lines.push(`          - ${toTerminalText(String(item))}`);
      // The fix's text only: its snippet is in the JSON report, one line keeps the log readable.
      if (result.fix)
        lines.push(`          fix: ${toTerminalText(result.fix.text)}`);
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
  // The warnings themselves went to stderr; the count keeps them from going unnoticed.
  if (warningCount > 0) {
    lines.push(
      `${warningCount} warning${
        warningCount === 1 ? '' : 's'
      } (listed on stderr)`,
    );
  }
  return `${lines.join('\n')}\n`;
}
