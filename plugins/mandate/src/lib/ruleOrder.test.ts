import { failingResults, groupByTenet, nextLevelChecklist } from './ruleOrder';
import { ordersReport, rules } from '../__testUtils__/fixtures';

describe('ruleOrder', () => {
  it('orders failing results by level, then rulebook order', () => {
    expect(failingResults(ordersReport(), rules).map(r => r.ruleId)).toEqual([
      'ops.runbook',
      'data.no-foreign-database',
      'api.security',
      'deps.sla-budget',
    ]);
  });

  it('builds the checklist for the next level from every missed level up to it', () => {
    const silverTarget = nextLevelChecklist(
      ordersReport({
        level: 'bronze',
        results: ordersReport().results.filter(r => r.ruleId !== 'ops.runbook'),
      }),
      rules,
    );
    expect(silverTarget.target).toBe('silver');
    expect(silverTarget.items.map(i => i.result.ruleId)).toEqual([
      'data.no-foreign-database',
    ]);
    expect(
      nextLevelChecklist(ordersReport({ level: 'gold', results: [] }), rules),
    ).toEqual({
      target: undefined,
      items: [],
    });
  });

  it('groups by tenet in the rulebook order', () => {
    const groups = groupByTenet(ordersReport().results, rules);
    expect(groups.map(g => g.id)).toEqual([
      'ownership',
      'interfaces',
      'externalizable-interfaces',
      'operations',
      'dependencies',
      'standards-and-layers',
    ]);
    expect(groups[0].results.map(r => r.ruleId)).toEqual([
      'ownership.team-owner',
      'ownership.two-pizza-team',
      'ownership.end-to-end',
      'ownership.on-call',
    ]);
  });

  it('takes order, levels and tenets from GET /rules, not from a list of its own', () => {
    // A backend that serves the rules in another order, with a custom rule and a level changed.
    const served = [
      ...[...rules]
        .reverse()
        .map(rule =>
          rule.id === 'ops.runbook'
            ? { ...rule, level: 'gold' as const }
            : rule,
        ),
      {
        id: 'custom.sbom',
        tenet: 'operations' as const,
        level: 'bronze' as const,
      },
    ];
    const report = ordersReport({
      rules: [],
      results: [
        ...ordersReport().results,
        { ruleId: 'custom.sbom', status: 'fail' },
      ],
    });
    expect(failingResults(report, served).map(r => r.ruleId)).toEqual([
      'custom.sbom',
      'data.no-foreign-database',
      'deps.sla-budget',
      'ops.runbook',
      'api.security',
    ]);
    const operations = groupByTenet(report.results, served).find(
      group => group.id === 'operations',
    )!;
    expect(operations.results.map(r => r.ruleId)).toEqual([
      'ops.dashboard',
      'ops.key-metrics',
      'ops.runbook',
      'ops.tier-declared',
      'custom.sbom',
    ]);
  });
});
