import { Report } from '@mandate-dev/plugin-mandate-common';
import { formatGithub } from './formatGithub';

const report: Report = {
  rulebookVersion: '1',
  generatedAt: '2026-01-01T00:00:00.000Z',
  entities: [
    {
      entityRef: 'component:default/orders',
      source: { file: 'services/orders, v2.yaml', line: 3 },
      owner: 'group:default/team-a',
      tier: 'high',
      level: 'none',
      score: 40,
      results: [
        { ruleId: 'ops.runbook', status: 'pass' },
        {
          ruleId: 'api.security',
          status: 'fail',
          message: '1 of 1 API fails: 50% unsecured',
          evidence: ['api:default/orders-api: GET /orders: no security'],
          locations: [
            {
              entityRef: 'api:default/orders-api',
              file: 'apis/orders.yaml',
              line: 12,
              pointer: '/paths/~1orders/get',
            },
          ],
        },
        { ruleId: 'ops.tier-declared', status: 'error' },
      ],
    },
  ],
};

describe('formatGithub', () => {
  it('annotates each failing result at its most precise file and line, escaped', () => {
    expect(formatGithub(report).split('\n')).toEqual([
      '::error file=apis/orders.yaml,line=12,title=api.security (component%3Adefault/orders)::1 of 1 API fails: 50%25 unsecured%0Aapi:default/orders-api: GET /orders: no security',
      '::error file=services/orders%2C v2.yaml,line=3,title=ops.tier-declared (component%3Adefault/orders)::error',
      'component:default/orders: none (40)',
      '',
    ]);
  });

  it('leaves out file and line when the entity has no known source', () => {
    const { source: _source, ...entity } = report.entities[0];
    const output = formatGithub({
      ...report,
      entities: [{ ...entity, results: [entity.results[2]] }],
    });
    expect(output).toBe(
      '::error title=ops.tier-declared (component%3Adefault/orders)::error\ncomponent:default/orders: none (40)\n',
    );
  });
});
