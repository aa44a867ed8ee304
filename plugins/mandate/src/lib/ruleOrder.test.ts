import { failingResults, groupByTenet, nextLevelChecklist } from './ruleOrder';
import { ordersReport } from '../__testUtils__/fixtures';

describe('ruleOrder', () => {
  it('orders failing results by level, then rulebook order', () => {
    expect(failingResults(ordersReport()).map(r => r.ruleId)).toEqual([
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
    );
    expect(silverTarget.target).toBe('silver');
    expect(silverTarget.items.map(i => i.result.ruleId)).toEqual([
      'data.no-foreign-database',
    ]);
    expect(
      nextLevelChecklist(ordersReport({ level: 'gold', results: [] })),
    ).toEqual({
      target: undefined,
      items: [],
    });
  });

  it('groups by tenet in the rulebook order', () => {
    const groups = groupByTenet(ordersReport().results);
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
});
