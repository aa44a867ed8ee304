import { screen, within } from '@testing-library/react';
import { EntityMandateCard } from './EntityMandateCard';
import {
  mockMandateApi,
  ordersEntity,
  ordersReport,
} from '../../__testUtils__/fixtures';
import { renderMandate } from '../../__testUtils__/renderMandate';

describe('EntityMandateCard', () => {
  it('shows level, score and the three most important failing rules, lowest level first', async () => {
    await renderMandate(<EntityMandateCard />, {
      api: mockMandateApi(),
      entity: ordersEntity,
    });
    const list = await screen.findByRole('list', { name: 'Top failing rules' });
    const links = within(list).getAllByRole('link');
    // ops.runbook is bronze, data.no-foreign-database silver, then the gold ones in rulebook order
    expect(links.map(link => link.textContent)).toEqual([
      'Title of ops.runbook',
      'Title of data.no-foreign-database',
      'Title of api.security',
    ]);
    expect(links[0]).toHaveAttribute(
      'href',
      '/catalog/default/component/orders/mandate#rule-ops.runbook',
    );
    expect(screen.getByLabelText('Level: No level')).toBeInTheDocument();
    expect(screen.getByTestId('card-score')).toHaveTextContent('81');
  });

  it('says when the service has not been evaluated', async () => {
    await renderMandate(<EntityMandateCard />, {
      api: mockMandateApi({
        getEntityReport: jest.fn().mockResolvedValue(undefined),
      }),
      entity: ordersEntity,
    });
    expect(await screen.findByText('Not evaluated yet.')).toBeInTheDocument();
  });
});

describe('EntityMandateCard of a service not scored yet', () => {
  it('scores it now and shows the result, instead of staying "not evaluated"', async () => {
    const api = mockMandateApi({
      getEntityReport: jest
        .fn()
        .mockResolvedValueOnce(undefined)
        .mockResolvedValue(ordersReport()),
    });
    await renderMandate(<EntityMandateCard />, {
      api,
      entity: ordersEntity,
    });
    expect(await screen.findByText('Not evaluated yet.')).toBeInTheDocument();
    expect(
      await screen.findByTestId('card-score', {}, { timeout: 5000 }),
    ).toHaveTextContent('81');
    expect(api.evaluate).toHaveBeenCalledTimes(1);
    expect(screen.queryByText('Not evaluated yet.')).toBeNull();
  }, 15_000);
});
