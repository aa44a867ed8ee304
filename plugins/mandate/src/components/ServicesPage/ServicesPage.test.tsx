import { screen, waitFor } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { ServicesPage } from './ServicesPage';
import { mockMandateApi, reportPage } from '../../__testUtils__/fixtures';
import { renderMandate } from '../../__testUtils__/renderMandate';

describe('ServicesPage', () => {
  it('asks the server for the page of services matching the URL filters', async () => {
    const api = mockMandateApi({
      getReport: jest.fn().mockResolvedValue({ ...reportPage(45) }),
    });
    await renderMandate(<ServicesPage />, {
      api,
      mountPath: '/mandate/services',
      initialRouteEntries: [
        '/mandate/services?owner=group:default/checkout-team&level=none',
      ],
    });
    expect(
      await screen.findByRole('link', { name: 'orders' }),
    ).toBeInTheDocument();
    expect(api.getReport).toHaveBeenCalledWith({
      owner: 'group:default/checkout-team',
      level: 'none',
      offset: 0,
      limit: 20,
    });
    expect(screen.getByText('owner checkout-team')).toBeInTheDocument();

    await userEvent.click(screen.getByRole('button', { name: /next/i }));
    await waitFor(() =>
      expect(api.getReport).toHaveBeenLastCalledWith(
        expect.objectContaining({ offset: 20, limit: 20 }),
      ),
    );
  });

  it('shows the empty state when nothing matches', async () => {
    const api = mockMandateApi({
      getReport: jest
        .fn()
        .mockResolvedValue({ total: 0, offset: 0, limit: 20, items: [] }),
    });
    await renderMandate(<ServicesPage />, {
      api,
      mountPath: '/mandate/services',
      initialRouteEntries: ['/mandate/services?tier=low'],
    });
    expect(await screen.findByText('No services')).toBeInTheDocument();
  });
});
