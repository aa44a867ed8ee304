import { screen, waitFor, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { Entity } from '@backstage/catalog-model';
import { RuleResult } from '@mandate-dev/plugin-mandate-common';
import { EntityMandateContent } from './EntityMandateContent';
import {
  mockMandateApi,
  ordersEntity,
  ordersReport,
} from '../../__testUtils__/fixtures';
import { renderMandate } from '../../__testUtils__/renderMandate';

/** The orders report with some results replaced. */
function reportWith(results: Record<string, Partial<RuleResult>>) {
  const report = ordersReport();
  return {
    ...report,
    results: report.results.map(result =>
      results[result.ruleId]
        ? { ...result, ...results[result.ruleId] }
        : result,
    ),
  };
}

describe('EntityMandateContent, failures first', () => {
  it('opens on the failing rules grouped by the level they block; passing ones collapsed with counts', async () => {
    await renderMandate(<EntityMandateContent />, {
      api: mockMandateApi(),
      entity: ordersEntity,
    });
    await screen.findByTestId('rule-ops.runbook');
    const groups = within(screen.getByRole('region', { name: 'What to fix' }))
      .getAllByRole('region')
      .filter(region =>
        region.getAttribute('aria-label')?.startsWith('Blocks'),
      );
    expect(groups.map(group => group.getAttribute('aria-label'))).toEqual([
      'Blocks Bronze',
      'Blocks Silver',
      'Blocks Gold',
    ]);
    const idsIn = (group: HTMLElement) =>
      within(group)
        .getAllByTestId(/^rule-/)
        .map(card => card.getAttribute('data-testid'));
    expect(idsIn(groups[0])).toEqual(['rule-ops.runbook']);
    expect(idsIn(groups[1])).toEqual(['rule-data.no-foreign-database']);
    expect(idsIn(groups[2])).toEqual([
      'rule-api.security',
      'rule-deps.sla-budget',
    ]);
    expect(screen.getByTestId('result-counts')).toHaveTextContent(
      '4 failing · 0 waived · 22 passing · 0 not applicable',
    );

    // The 22 passing rules are behind one button that says how many there are.
    const passing = screen.getByRole('button', {
      name: 'Passing rules: 22 pass',
    });
    expect(passing).toHaveAttribute('aria-expanded', 'false');
    expect(
      screen.queryByRole('region', { name: 'Standards and layers' }),
    ).toBeNull();
    await userEvent.click(passing);
    expect(
      screen.getByRole('region', { name: 'Standards and layers' }),
    ).toBeVisible();
  });

  it("shows the result's own fix, with its snippet, instead of the rule's general remediation", async () => {
    const api = mockMandateApi({
      getEntityReport: jest.fn().mockResolvedValue(
        reportWith({
          'ops.runbook': {
            fix: {
              text: 'Point mandate.dev/runbook at docs/runbook.md of orders.',
              snippet:
                'metadata:\n  annotations:\n    mandate.dev/runbook: docs/runbook.md',
              language: 'yaml',
            },
          },
        }),
      ),
    });
    await renderMandate(<EntityMandateContent />, {
      api,
      entity: ordersEntity,
    });
    const rule = await screen.findByTestId('rule-ops.runbook');
    const fix = within(rule).getByRole('region', { name: 'How to fix it' });
    expect(fix).toHaveAttribute('data-fix', 'tailored');
    expect(fix).toHaveTextContent(
      'Point mandate.dev/runbook at docs/runbook.md of orders.',
    );
    expect(fix).not.toHaveTextContent('Fix ops.runbook.');
    await waitFor(
      () =>
        expect(fix).toHaveTextContent('mandate.dev/runbook: docs/runbook.md'),
      { timeout: 10_000 },
    );
    // No URL source location: no edit link.
    expect(
      within(fix).queryByRole('link', { name: 'Edit in source' }),
    ).toBeNull();
    // A result without a fix of its own falls back to the rule's remediation.
    const other = screen.getByTestId('rule-deps.sla-budget');
    expect(
      within(other).getByRole('region', { name: 'How to fix it' }),
    ).toHaveAttribute('data-fix', 'general');
    expect(other).toHaveTextContent('Fix deps.sla-budget.');
  });

  it('links "Edit in source" to the edit URL of the entity the fix changes', async () => {
    const entity: Entity = {
      ...ordersEntity,
      metadata: {
        ...ordersEntity.metadata,
        annotations: {
          'backstage.io/edit-url':
            'https://git.example.com/shop/edit/main/orders/catalog-info.yaml',
        },
      },
    };
    const api = mockMandateApi({
      getEntityReport: jest.fn().mockResolvedValue(
        reportWith({
          'ops.runbook': {
            fix: {
              text: 'Add the runbook.',
              snippet: 'metadata: {}',
              language: 'yaml',
            },
          },
          'ownership.team-owner': {
            status: 'fail',
            fix: {
              text: 'Split checkout-team, or move orders to payments-team.',
              snippet: '# option 1\nspec:\n  owner: payments-team',
              language: 'yaml',
              entityRef: 'group:default/checkout-team',
              decision: true,
            },
          },
        }),
      ),
    });
    await renderMandate(<EntityMandateContent />, { api, entity });
    const runbook = await screen.findByTestId('rule-ops.runbook');
    expect(
      within(runbook).getByRole('link', { name: 'Edit in source' }),
    ).toHaveAttribute(
      'href',
      'https://git.example.com/shop/edit/main/orders/catalog-info.yaml',
    );
    // The team's fix is a decision about another entity: it says so and names it; the catalog
    // (the test's has only orders) does not know the team, so there is no edit link for it.
    const owner = screen.getByTestId('rule-ownership.team-owner');
    expect(owner).toHaveTextContent('Decide, then fix:');
    expect(
      within(owner).getByRole('link', { name: 'checkout-team' }),
    ).toHaveAttribute('href', '/catalog/default/group/checkout-team');
    expect(
      within(owner).queryByRole('link', { name: 'Edit in source' }),
    ).toBeNull();
  });

  it('draws the score in the colours of the level, not of the number', async () => {
    await renderMandate(<EntityMandateContent />, {
      api: mockMandateApi({
        getEntityReport: jest
          .fn()
          .mockResolvedValue(ordersReport({ score: 92, level: 'none' })),
      }),
      entity: ordersEntity,
    });
    const score = await screen.findByLabelText('Score 92');
    expect(score).toHaveAttribute('data-level', 'none');
  });

  it('scores a service that has no report yet, once, when the user may evaluate it', async () => {
    const api = mockMandateApi({
      getEntityReport: jest
        .fn()
        .mockResolvedValueOnce(undefined)
        .mockResolvedValue(ordersReport()),
    });
    await renderMandate(<EntityMandateContent />, {
      api,
      entity: ordersEntity,
    });
    expect(await screen.findByText('Not evaluated yet')).toBeInTheDocument();
    await waitFor(() =>
      expect(api.evaluate).toHaveBeenCalledWith('component:default/orders'),
    );
    expect(
      await screen.findByTestId('rule-ops.runbook', {}, { timeout: 5000 }),
    ).toBeInTheDocument();
    expect(api.evaluate).toHaveBeenCalledTimes(1);
  }, 15_000);
});
