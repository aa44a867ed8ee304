import { screen, within } from '@testing-library/react';
import { ResponseError } from '@backstage/errors';
import { ApiMandateContent } from './ApiMandateContent';
import { mockMandateApi } from '../../__testUtils__/fixtures';
import { renderMandate } from '../../__testUtils__/renderMandate';
import {
  ordersApiEntity,
  ordersApiView,
} from '../../__testUtils__/apiViewFixture';

describe('ApiMandateContent', () => {
  it('shows one row per operation and failing rule, with the services it fails for and the fix', async () => {
    const api = mockMandateApi();
    await renderMandate(<ApiMandateContent />, {
      api,
      entity: ordersApiEntity,
    });
    const table = await screen.findByLabelText('Failing rules per operation');
    expect(api.getApiView).toHaveBeenCalledWith('api:default/orders-api');
    const rows = within(table).getAllByRole('row').slice(1);
    // Whole definition (api.versioned) and GET /orders (api.security, for both providers).
    expect(rows).toHaveLength(2);
    const security = rows.find(row =>
      within(row).queryByText('Title of api.security'),
    )!;
    expect(security).toHaveTextContent('GET /orders (line 7)');
    expect(security).toHaveTextContent('Fail');
    // The API and the services are named by their display names.
    expect(security).toHaveTextContent(
      'orders-api: GET /orders has no security',
    );
    expect(security).not.toHaveTextContent('api:default/orders-api');
    const services = within(security)
      .getAllByRole('link')
      .map(link => link.getAttribute('href'));
    expect(services).toEqual(
      expect.arrayContaining([
        '/catalog/default/component/orders',
        '/catalog/default/component/inventory',
      ]),
    );
    const fix = within(security).getByRole('region', { name: 'How to fix it' });
    expect(fix).toHaveAttribute('data-fix', 'tailored');
    expect(fix).toHaveTextContent(
      'Declare the security of GET /orders in orders-api.',
    );

    const versioned = rows.find(row =>
      within(row).queryByText('Title of api.versioned'),
    )!;
    expect(versioned).toHaveTextContent('Whole definition');
    expect(versioned).toHaveTextContent('Error');
  });

  it('lists the services providing and consuming the API', async () => {
    await renderMandate(<ApiMandateContent />, {
      api: mockMandateApi(),
      entity: ordersApiEntity,
    });
    const providers = await screen.findByRole('list', { name: 'Provided by' });
    expect(within(providers).getAllByRole('listitem')).toHaveLength(2);
    const consumers = screen.getByRole('list', { name: 'Consumed by' });
    expect(within(consumers).getByRole('link')).toHaveAttribute(
      'href',
      '/catalog/default/component/storefront',
    );
  });

  it('says when every API rule passes', async () => {
    await renderMandate(<ApiMandateContent />, {
      api: mockMandateApi({
        getApiView: jest
          .fn()
          .mockResolvedValue({ ...ordersApiView, operations: [] }),
      }),
      entity: ordersApiEntity,
    });
    expect(
      await screen.findByText(
        'Every API rule passes for the services providing this API.',
      ),
    ).toBeInTheDocument();
  });

  it('shows a waived result apart, as waived, with the waiver’s reason and expiry', async () => {
    const [wholeDefinition, getOrders] = ordersApiView.operations;
    const waiver = {
      id: 'w1',
      entityRef: 'component:default/inventory',
      ruleId: 'api.security',
      reason: 'the gateway authenticates GET /orders for now',
      grantedBy: 'user:default/alice',
      createdAt: '2026-11-20T10:00:00.000Z',
      expiresAt: '2026-12-20T10:00:00.000Z',
      revokedAt: null,
      revokedBy: null,
    };
    await renderMandate(<ApiMandateContent />, {
      api: mockMandateApi({
        getApiView: jest.fn().mockResolvedValue({
          ...ordersApiView,
          operations: [
            wholeDefinition,
            {
              ...getOrders,
              findings: getOrders.findings.map(finding =>
                finding.serviceRef === waiver.entityRef
                  ? {
                      ...finding,
                      status: 'waived',
                      message: `waived by alice: ${waiver.reason} (fails: ${finding.message})`,
                      waiver,
                    }
                  : finding,
              ),
            },
          ],
        }),
      }),
      entity: ordersApiEntity,
    });
    const waived = await screen.findByLabelText('Waived rules per operation');
    const [row, ...others] = within(waived).getAllByRole('row').slice(1);
    expect(others).toHaveLength(0);
    expect(row).toHaveTextContent('GET /orders (line 7)');
    expect(row).toHaveTextContent('Waived');
    expect(row).toHaveTextContent(
      'Waived by alice until 2026-12-20: the gateway authenticates GET /orders for now',
    );
    expect(within(row).getByRole('link', { name: 'alice' })).toHaveAttribute(
      'href',
      '/catalog/default/user/alice',
    );
    expect(
      within(row)
        .getAllByRole('link')
        .map(link => link.getAttribute('href')),
    ).toContain('/catalog/default/component/inventory');
    // orders still fails GET /orders; inventory's waived result is not among the failures.
    const failing = screen.getByLabelText('Failing rules per operation');
    const security = within(failing)
      .getAllByRole('row')
      .find(r => within(r).queryByText('Title of api.security'))!;
    expect(security).toHaveTextContent('Fail');
    const services = within(security)
      .getAllByRole('link')
      .map(link => link.getAttribute('href'));
    expect(services).toContain('/catalog/default/component/orders');
    expect(services).not.toContain('/catalog/default/component/inventory');
  });

  it('explains an API Mandate does not know (404)', async () => {
    const notFound = Object.assign(new Error('not found'), {
      statusCode: 404,
    }) as unknown as ResponseError;
    await renderMandate(<ApiMandateContent />, {
      api: mockMandateApi({
        getApiView: jest.fn().mockRejectedValue(notFound),
      }),
      entity: ordersApiEntity,
    });
    expect(
      await screen.findByText('No Mandate results for this API'),
    ).toBeInTheDocument();
  });
});
