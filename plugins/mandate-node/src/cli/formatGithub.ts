import { Report } from '@mandate-dev/plugin-mandate-common';
import { failingResults } from './failingResults';

/** The escaping of a workflow command's message (GitHub's toolkit `escapeData`). */
function escapeData(text: string): string {
  return text.replace(/%/g, '%25').replace(/\r/g, '%0D').replace(/\n/g, '%0A');
}

/** The escaping of a workflow command's property value (GitHub's toolkit `escapeProperty`). */
function escapeProperty(text: string): string {
  return escapeData(text).replace(/:/g, '%3A').replace(/,/g, '%2C');
}

/**
 * GitHub Actions workflow commands: an `::error` annotation per failing result, on the file and
 * line it points at (the failing operation of an api.* rule, else the entity's YAML), titled by
 * rule and service; then one line per service with its level and score, for the log.
 */
export function formatGithub(report: Report): string {
  const lines = failingResults(report).map(({ entity, result, positions }) => {
    const properties = [
      ...(positions[0]
        ? [
            `file=${escapeProperty(positions[0].file)}`,
            `line=${positions[0].line}`,
          ]
        : []),
      `title=${escapeProperty(`${result.ruleId} (${entity.entityRef})`)}`,
    ];
    const message = [
      result.message ?? result.status,
      ...(result.evidence ?? []),
    ].join('\n');
    return `::error ${properties.join(',')}::${escapeData(message)}`;
  });
  for (const entity of report.entities) {
    lines.push(`${entity.entityRef}: ${entity.level} (${entity.score})`);
  }
  return lines.map(line => `${line}\n`).join('');
}
