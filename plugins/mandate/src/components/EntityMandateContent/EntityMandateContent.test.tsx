import { screen, waitFor, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { TENETS } from '@mandate-dev/plugin-mandate-common';
import { EntityMandateContent } from './EntityMandateContent';
import {
  mockMandateApi,
  ordersEntity,
  ordersReport,
  waiverFixture,
} from '../../__testUtils__/fixtures';
import { renderMandate } from '../../__testUtils__/renderMandate';

describe('EntityMandateContent', () => {
  it('shows failing rules with evidence linked to the entities it names', async () => {
    const api = mockMandateApi();
    await renderMandate(<EntityMandateContent />, {
      api,
      entity: ordersEntity,
    });

    const rule = await screen.findByTestId('rule-data.no-foreign-database');
    expect(rule).toHaveAttribute('data-status', 'fail');
    expect(
      within(rule).getByText('depends on a database owned by another team'),
    ).toBeInTheDocument();
    const evidence = within(rule).getByRole('list', { name: 'Evidence' });
    expect(
      within(evidence).getByRole('link', {
        name: 'payments-db',
      }),
    ).toHaveAttribute('href', '/catalog/default/resource/payments-db');
    expect(
      within(evidence).getByRole('link', {
        name: 'payments-team',
      }),
    ).toHaveAttribute('href', '/catalog/default/group/payments-team');
    // remediation with its snippet
    expect(rule).toHaveTextContent('Fix data.no-foreign-database.');
    await waitFor(
      () =>
        expect(rule).toHaveTextContent(
          '# snippet for data.no-foreign-database',
        ),
      { timeout: 10_000 },
    );
    expect(api.getEntityReport).toHaveBeenCalledWith(
      'component:default/orders',
    );
  });

  it('links exactly the refs the result names, in the message and the evidence, the longest first', async () => {
    const report = ordersReport();
    const api = mockMandateApi({
      getEntityReport: jest.fn().mockResolvedValue({
        ...report,
        results: report.results.map(result =>
          result.ruleId === 'interface.only-via-apis'
            ? {
                ruleId: 'interface.only-via-apis',
                status: 'fail',
                message:
                  'component:default/orders reaches component:default/orders-api directly',
                evidence: [
                  'component:default/orders-api (not through api:default/orders)',
                ],
                refs: [
                  'component:default/orders',
                  'component:default/orders-api',
                ],
              }
            : result,
        ),
      }),
    });
    await renderMandate(<EntityMandateContent />, {
      api,
      entity: ordersEntity,
    });
    const rule = await screen.findByTestId('rule-interface.only-via-apis');
    const links = within(rule)
      .getAllByRole('link')
      .filter(link => link.getAttribute('href')?.startsWith('/catalog/'))
      .map(link => [link.textContent, link.getAttribute('href')]);
    // Named as Backstage names entities (without a presentation API: the short name).
    expect(links).toEqual([
      ['orders', '/catalog/default/component/orders'],
      ['orders-api', '/catalog/default/component/orders-api'],
      ['orders-api', '/catalog/default/component/orders-api'],
    ]);
    // api:default/orders is not among the result's refs: it stays text.
    expect(rule).toHaveTextContent('(not through api:default/orders)');
  });

  it('names the service itself and the refs of the result by display name in the tailored fix', async () => {
    const report = ordersReport();
    const api = mockMandateApi({
      getEntityReport: jest.fn().mockResolvedValue({
        ...report,
        results: report.results.map(result =>
          result.ruleId === 'deps.sla-budget'
            ? {
                ruleId: 'deps.sla-budget',
                status: 'fail',
                message:
                  'dependencies allow at most 99.85% against a target of 99.95%',
                evidence: [
                  'component:default/payments (99.9%) is the weakest link',
                ],
                refs: ['component:default/payments'],
                fix: {
                  text: 'Decide: lower the target of component:default/orders from 99.95% to 99.85%, or raise the weakest link component:default/payments from 99.9% to 100%.',
                  snippet:
                    "metadata:\n  annotations:\n    mandate.dev/slo: '99.85'\n",
                  language: 'yaml',
                  decision: true,
                },
              }
            : result,
        ),
      }),
    });
    await renderMandate(<EntityMandateContent />, {
      api,
      entity: ordersEntity,
    });
    const rule = await screen.findByTestId('rule-deps.sla-budget');
    const fix = within(rule).getByRole('region', { name: 'How to fix it' });
    expect(fix).toHaveTextContent(
      'Decide: lower the target of orders from 99.95% to 99.85%, or raise the weakest link payments from 99.9% to 100%.',
    );
    expect(
      within(fix)
        .getAllByRole('link')
        .map(link => link.getAttribute('href')),
    ).toEqual([
      '/catalog/default/component/orders',
      '/catalog/default/component/payments',
    ]);
    // The snippet is what to paste: it keeps the annotation as written.
    expect(fix.querySelector('pre')).toHaveTextContent(
      "mandate.dev/slo: '99.85'",
    );
  });

  it('groups rules by tenet in rulebook order', async () => {
    await renderMandate(<EntityMandateContent />, {
      api: mockMandateApi(),
      entity: ordersEntity,
    });
    await screen.findByTestId('rule-ops.runbook');
    // The passing rules, where every tenet has some, are collapsed until asked for.
    await userEvent.click(
      screen.getByRole('button', { name: /^Passing rules/ }),
    );
    const tenetTitles = new Set<string>(TENETS.map(tenet => tenet.title));
    const headings = screen
      .getAllByRole('region')
      .map(region => region.getAttribute('aria-label'))
      .filter(label => label && tenetTitles.has(label));
    expect(headings).toEqual([
      'A two-pizza team owns it end to end',
      'Everything through service interfaces',
      'Externalizable interfaces',
      'Operations first: design for failure',
      'Governance of the call graph',
      'Standards and layers',
    ]);
  });

  it('lists what the next level needs, the lowest missed level first', async () => {
    await renderMandate(<EntityMandateContent />, {
      api: mockMandateApi(),
      entity: ordersEntity,
    });
    const checklist = await screen.findByRole('list', {
      name: 'Next level checklist',
    });
    // level none -> bronze: only the failing bronze rule
    expect(screen.getByText('Checklist for Bronze')).toBeInTheDocument();
    const items = within(checklist).getAllByRole('listitem');
    expect(items).toHaveLength(1);
    expect(items[0]).toHaveTextContent('Title of ops.runbook');
  });

  it('grants a waiver of a failing rule with a reason and an expiry when the user may approve, then reloads the report', async () => {
    const api = mockMandateApi();
    await renderMandate(<EntityMandateContent />, {
      api,
      entity: ordersEntity,
    });
    await userEvent.click(
      await screen.findByRole('button', {
        name: 'Grant waiver of ops.runbook',
      }),
    );
    const dialog = await screen.findByRole('dialog');
    await userEvent.type(
      within(dialog).getByRole('textbox', { name: /Reason/ }),
      'runbook is being written',
    );
    await userEvent.click(
      within(dialog).getByRole('button', { name: 'Grant waiver' }),
    );
    await waitFor(() =>
      expect(api.createWaiver).toHaveBeenCalledWith(
        expect.objectContaining({
          entityRef: 'component:default/orders',
          ruleId: 'ops.runbook',
          reason: 'runbook is being written',
          expiresAt: expect.stringMatching(/^\d{4}-\d{2}-\d{2}T23:59:59.000Z$/),
          mode: 'grant',
        }),
      ),
    );
    await waitFor(() => expect(api.getEntityReport).toHaveBeenCalledTimes(2));
  });

  it('marks waived rules with reason and expiry and lets them be revoked after a confirmation', async () => {
    const report = ordersReport();
    report.results = report.results.map(r =>
      r.ruleId === 'ops.runbook' ? { ...r, status: 'waived' } : r,
    );
    report.waivers = [
      waiverFixture({
        id: 'w-7',
        reason: 'written next sprint',
        createdAt: '2026-11-20T00:00:00.000Z',
        expiresAt: '2999-01-01T00:00:00.000Z',
      }),
    ];
    const api = mockMandateApi({
      getEntityReport: jest.fn().mockResolvedValue(report),
    });
    await renderMandate(<EntityMandateContent />, {
      api,
      entity: ordersEntity,
    });
    const rule = await screen.findByTestId('rule-ops.runbook');
    expect(within(rule).getByText(/written next sprint/)).toBeInTheDocument();
    expect(within(rule).getByText(/until 2999-01-01/)).toBeInTheDocument();
    // Who granted it, by display name, linked to the user.
    expect(within(rule).getByRole('link', { name: 'guest' })).toHaveAttribute(
      'href',
      '/catalog/default/user/guest',
    );
    await userEvent.click(
      within(rule).getByRole('button', {
        name: 'Revoke waiver of ops.runbook',
      }),
    );
    const confirm = await screen.findByRole('dialog');
    expect(confirm).toHaveTextContent('Revoke this waiver?');
    expect(api.revokeWaiver).not.toHaveBeenCalled();
    await userEvent.click(
      within(confirm).getByRole('button', { name: 'Revoke waiver' }),
    );
    await waitFor(() => expect(api.revokeWaiver).toHaveBeenCalledWith('w-7'));
    await waitFor(() => expect(screen.queryByRole('dialog')).toBeNull());
  });

  it('re-evaluates, polls the evaluation until it is done, then refreshes', async () => {
    const api = mockMandateApi();
    await renderMandate(<EntityMandateContent />, {
      api,
      entity: ordersEntity,
    });
    await userEvent.click(
      await screen.findByRole('button', { name: 'Re-evaluate now' }),
    );
    await waitFor(() =>
      expect(api.evaluate).toHaveBeenCalledWith('component:default/orders'),
    );
    await waitFor(
      () => expect(api.getEvaluation).toHaveBeenCalledWith('ev-1'),
      {
        timeout: 3000,
      },
    );
    await waitFor(() => expect(api.getEntityReport).toHaveBeenCalledTimes(2), {
      timeout: 5000,
    });
  }, 20_000);

  it('says so when the service has not been evaluated', async () => {
    await renderMandate(<EntityMandateContent />, {
      api: mockMandateApi({
        getEntityReport: jest.fn().mockResolvedValue(undefined),
      }),
      entity: ordersEntity,
    });
    expect(await screen.findByText('Not evaluated yet')).toBeInTheDocument();
  });

  it('shows the error of a failed load', async () => {
    await renderMandate(<EntityMandateContent />, {
      api: mockMandateApi({
        getEntityReport: jest.fn().mockRejectedValue(new Error('backend down')),
      }),
      entity: ordersEntity,
    });
    expect((await screen.findAllByText(/backend down/)).length).toBeGreaterThan(
      0,
    );
  });
});
