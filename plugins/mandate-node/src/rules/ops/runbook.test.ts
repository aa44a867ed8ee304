import { runFixedRule } from '../../testUtils/runFixedRule';
import { Entity } from '@backstage/catalog-model';
import { RunbookDocument } from '../../catalog';
import { service } from '../../testUtils/entities';
import { runRule } from '../../testUtils/runRule';
import { runbookRule } from './runbook';

const orders = 'component:default/orders';
const GOOD = `# Orders runbook

## Diagnosis
Look at the dashboard.

Mitigation and rollback
-----------------------

### How to escalate (Escalation)
`;

function withRunbook(value: string, runbook?: RunbookDocument) {
  const entity: Entity = service(
    'orders',
    {},
    { 'mandate.dev/runbook': value },
  );
  return [{ entity, source: '/repo/catalog/orders.yaml', runbook }];
}

describe('ops.runbook', () => {
  it('passes for an http(s) URL without fetching it', () => {
    expect(
      runRule(
        runbookRule,
        withRunbook('https://wiki.example.com/orders'),
        orders,
      ).status,
    ).toBe('pass');
    expect(
      runRule(runbookRule, withRunbook('http://wiki/orders'), orders).status,
    ).toBe('pass');
  });

  it.each([
    'ftp://wiki.example.com/orders',
    'mailto:ops@example.com',
    'https://',
    'file:///runbook.md',
  ])('fails for the URL %s', value => {
    expect(runRule(runbookRule, withRunbook(value), orders).status).toBe(
      'fail',
    );
  });

  it('fails for an absolute path', () => {
    const outcome = runRule(
      runbookRule,
      withRunbook('/etc/runbook.md', { path: '/etc/runbook.md', text: GOOD }),
      orders,
    );
    expect(outcome.status).toBe('fail');
  });

  it('passes for a relative path with every section (ATX and setext, containing the word)', () => {
    const outcome = runRule(
      runbookRule,
      withRunbook('./runbook.md', { path: 'runbook.md', text: GOOD }),
      orders,
    );
    expect(outcome.status).toBe('pass');
  });

  it('fails naming the missing sections; fenced code and plain text do not count', () => {
    const text = `# Runbook

## Diagnosis

\`\`\`
## Mitigation
\`\`\`

Escalation is described nowhere.
`;
    const outcome = runRule(
      runbookRule,
      withRunbook('docs/runbook.md', { path: 'docs/runbook.md', text }),
      orders,
    );
    expect(outcome.status).toBe('fail');
    expect(outcome.evidence).toEqual([
      'missing section: Mitigation',
      'missing section: Escalation',
    ]);
  });

  it('fails when the file could not be read or was not read', () => {
    expect(
      runRule(
        runbookRule,
        withRunbook('../runbook.md', {
          path: '../runbook.md',
          error: 'ENOENT',
        }),
        orders,
      ).status,
    ).toBe('fail');
    expect(
      runRule(runbookRule, withRunbook('./runbook.md'), orders).status,
    ).toBe('fail');
  });

  it('uses the configured sections', () => {
    const outcome = runRule(
      runbookRule,
      withRunbook('./runbook.md', { path: 'runbook.md', text: GOOD }),
      orders,
      {
        options: { sections: ['Diagnosis', 'Postmortem'] },
      },
    );
    expect(outcome.status).toBe('fail');
    expect(outcome.evidence).toEqual(['missing section: Postmortem']);
  });

  it('fails when not set', () => {
    expect(runRule(runbookRule, [service('orders')], orders).status).toBe(
      'fail',
    );
  });
});

describe('ops.runbook fix', () => {
  it('appends the missing sections to the runbook, escalating to the on-call group', () => {
    const entity = service(
      'orders',
      {},
      {
        'mandate.dev/runbook': './runbook.md',
        'mandate.dev/on-call': 'team-b',
      },
    );
    const catalog = [
      {
        entity,
        source: '/repo/catalog/orders.yaml',
        runbook: { path: './runbook.md', text: '# Orders\n## Diagnosis\n' },
      },
    ];
    const { before, after } = runFixedRule(runbookRule, catalog, orders);
    expect(before.fix).toMatchObject({ language: 'markdown' });
    expect(before.fix!.text).toContain(
      'Mitigation, Escalation to ./runbook.md',
    );
    expect(before.fix!.snippet).toContain(
      '## Escalation\n\nWho to page next: group:default/team-b',
    );
    expect(after.status).toBe('pass');
  });

  it('is a decision between a file and a wiki page when there is no readable runbook', () => {
    for (const catalog of [
      [service('orders')],
      withRunbook('/etc/runbook.md'),
      withRunbook('./runbook.md', { path: './runbook.md', error: 'ENOENT' }),
    ]) {
      const fix = runRule(runbookRule, catalog, orders).fix!;
      expect(fix.decision).toBe(true);
      expect(fix.snippet).toContain(
        'mandate.dev/runbook: ./runbooks/orders.md',
      );
    }
  });
});
