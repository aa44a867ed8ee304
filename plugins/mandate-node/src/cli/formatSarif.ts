import { Report, RuleDescription } from '@mandate-dev/plugin-mandate-common';
import { failingResults } from './failingResults';

/** What {@link formatSarif} says about the tool besides the report. */
export interface SarifTool {
  /** The rules that ran, in report order: one SARIF rule each, with its help text. */
  rules: readonly RuleDescription[];
  /** The CLI's version, when known. */
  version?: string;
}

/** A path as a relative URI reference: forward slashes, each segment percent-encoded. */
function toUri(file: string): string {
  return file.split(/[\\/]/).map(encodeURIComponent).join('/');
}

/**
 * SARIF 2.1.0 for code scanning: one rule per Mandate rule (title, what it checks, why, and
 * the fix with its snippet as help), one result per `fail` or `error` result, located at the
 * places it points at: for api.* rules the failing operations in the definition file, and
 * always the entity's YAML document. Passing and not-applicable results are not findings.
 */
export function formatSarif(report: Report, tool: SarifTool): string {
  const ruleIndex = new Map(tool.rules.map((rule, i) => [rule.id, i]));
  const sarif = {
    $schema: 'https://json.schemastore.org/sarif-2.1.0.json',
    version: '2.1.0',
    runs: [
      {
        tool: {
          driver: {
            name: 'mandate',
            ...(tool.version ? { version: tool.version } : {}),
            informationUri: 'https://github.com/mandate-dev/mandate',
            rules: tool.rules.map(rule => ({
              id: rule.id,
              name: rule.title,
              shortDescription: { text: rule.title },
              fullDescription: { text: rule.description },
              help: {
                text: `${rule.description}\n\nWhy: ${rule.rationale}\n\nFix: ${
                  rule.remediation.text
                }\n\n${rule.remediation.snippet.trimEnd()}\n`,
                markdown: `${rule.description}\n\nWhy: ${
                  rule.rationale
                }\n\nFix: ${rule.remediation.text}\n\n\`\`\`${
                  rule.remediation.language
                }\n${rule.remediation.snippet.trimEnd()}\n\`\`\`\n`,
              },
              defaultConfiguration: { level: 'error' },
              properties: {
                tags: ['mandate', rule.tenet, rule.level],
                level: rule.level,
              },
            })),
          },
        },
        results: failingResults(report).map(
          ({ entity, result, positions }) => ({
            ruleId: result.ruleId,
            ...(ruleIndex.has(result.ruleId)
              ? { ruleIndex: ruleIndex.get(result.ruleId) }
              : {}),
            level: 'error',
            message: {
              text: `${entity.entityRef}: ${result.message ?? result.status}`,
            },
            locations: positions.map(position => ({
              physicalLocation: {
                artifactLocation: { uri: toUri(position.file) },
                region: { startLine: position.line },
              },
            })),
            properties: {
              entityRef: entity.entityRef,
              status: result.status,
              ...(result.evidence ? { evidence: result.evidence } : {}),
            },
          }),
        ),
      },
    ],
  };
  return `${JSON.stringify(sarif, null, 2)}\n`;
}
