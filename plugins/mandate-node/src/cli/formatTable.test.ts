import { Report } from '@mandate-dev/plugin-mandate-common';
import { formatTable } from './formatTable';

describe('formatTable', () => {
  it('strips escape sequences and control characters of catalog text from the table', () => {
    const report = {
      entities: [
        {
          entityRef: 'component:default/orders\u001b[2J',
          level: 'bronze',
          score: 50,
          results: [
            {
              ruleId: 'ops.runbook',
              status: 'fail',
              message:
                'Runbook \u001b[31mred\u001b[0m \u001b]0;owned\u0007 title\nFAIL forged line\u0000\u202e',
              evidence: [
                '\u001b]8;;https://evil.example\u001b\\link\u001b]8;;\u001b\\',
                'tab\there',
              ],
            },
          ],
        },
      ],
    } as unknown as Report;
    const table = formatTable(report);
    expect(table).not.toMatch(
      // eslint-disable-next-line no-control-regex -- matching control characters is the point
      /[\u0000-\u0009\u000b-\u001f\u007f-\u009f\u202e]/,
    );
    expect(table.split('\n').slice(0, 4)).toEqual([
      'component:default/orders  bronze   50',
      '    FAIL  ops.runbook: Runbook red  title FAIL forged line',
      '          - link',
      '          - tab here',
    ]);
  });

  it('shows the text of the fix under a failing rule', () => {
    const report = {
      entities: [
        {
          entityRef: 'component:default/orders',
          level: 'none',
          score: 0,
          results: [
            { ruleId: 'ops.tier-declared', status: 'pass' },
            {
              ruleId: 'ops.on-call',
              status: 'fail',
              message: 'not set',
              fix: {
                text: 'Name group:default/team-a\u001b[2J.',
                snippet: 'x: 1\n',
                language: 'yaml',
              },
            },
          ],
        },
      ],
    } as unknown as Report;
    expect(formatTable(report).split('\n').slice(0, 3)).toEqual([
      'component:default/orders  none      0',
      '    FAIL  ops.on-call: not set',
      '          fix: Name group:default/team-a.',
    ]);
  });

  it('ends with the number of warnings, when there are any', () => {
    const report = { entities: [] } as unknown as Report;
    expect(formatTable(report)).toBe(
      '\n0 services: 0 gold, 0 silver, 0 bronze, 0 none\n',
    );
    expect(formatTable(report, 1)).toMatch(
      /\n1 warning \(listed on stderr\)\n$/,
    );
    expect(formatTable(report, 2)).toMatch(
      /\n2 warnings \(listed on stderr\)\n$/,
    );
  });
});
