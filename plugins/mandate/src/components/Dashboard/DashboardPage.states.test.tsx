import { act, screen, waitFor } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { ResponseError } from '@backstage/errors';
import { DashboardPage, EMPTY_REFRESH_MS } from './DashboardPage';
import { mockMandateApi, summary } from '../../__testUtils__/fixtures';
import { renderMandate } from '../../__testUtils__/renderMandate';

const empty = {
  generatedAt: null,
  organisation: {
    score: 0,
    services: 0,
    levels: { none: 0, bronze: 0, silver: 0, gold: 0 },
    change30d: null,
  },
  teams: [],
  tiers: [],
  rules: [],
};

describe('DashboardPage states', () => {
  it('says that no service matches the filters, not that nothing was evaluated, and clears them', async () => {
    const api = mockMandateApi({
      getSummary: jest
        .fn()
        .mockImplementation(async filters => (filters?.tier ? empty : summary)),
    });
    await renderMandate(<DashboardPage />, {
      api,
      mountPath: '/mandate',
      initialRouteEntries: ['/mandate?tier=low'],
    });
    expect(
      await screen.findByText('No service matches these filters'),
    ).toBeInTheDocument();
    expect(screen.queryByText(/has not evaluated the catalog/)).toBeNull();
    await userEvent.click(
      screen.getByRole('button', { name: 'Clear the filters' }),
    );
    expect(await screen.findByTestId('organisation-score')).toHaveTextContent(
      '74',
    );
  });

  it('explains a filter of the address the API would refuse instead of sending it', async () => {
    const api = mockMandateApi();
    await renderMandate(<DashboardPage />, {
      api,
      mountPath: '/mandate',
      initialRouteEntries: ['/mandate?tier=urgent&lifecycle=production'],
    });
    expect(
      await screen.findByText('Some filters in the address were ignored'),
    ).toBeInTheDocument();
    expect(
      screen.getByText(
        /tier "urgent" is not one of critical, high, medium, low, none/,
      ),
    ).toBeInTheDocument();
    await screen.findByTestId('organisation-score');
    expect(api.getSummary).toHaveBeenCalledWith(
      expect.objectContaining({ tier: undefined, lifecycle: 'production' }),
    );
    await userEvent.click(screen.getByRole('button', { name: 'Remove them' }));
    await waitFor(() =>
      expect(
        screen.queryByText('Some filters in the address were ignored'),
      ).toBeNull(),
    );
  });

  it("shows the server's message for a refused request, not its status line", async () => {
    const response = new Response(
      JSON.stringify({
        error: { name: 'InputError', message: 'owner must be an entity ref' },
        response: { statusCode: 400 },
      }),
      {
        status: 400,
        statusText: 'Bad Request',
        headers: { 'Content-Type': 'application/json' },
      },
    );
    const error = await ResponseError.fromResponse(response);
    await renderMandate(<DashboardPage />, {
      api: mockMandateApi({ getSummary: jest.fn().mockRejectedValue(error) }),
      mountPath: '/mandate',
      initialRouteEntries: ['/mandate?owner=x:y:z'],
    });
    expect(
      await screen.findByText(
        'The request was refused: owner must be an entity ref',
      ),
    ).toBeInTheDocument();
    expect(screen.queryByText(/400 Bad Request/)).toBeNull();
  });

  it('says "Mean of 1 service"', async () => {
    await renderMandate(<DashboardPage />, {
      api: mockMandateApi({
        getSummary: jest.fn().mockResolvedValue({
          ...summary,
          organisation: { ...summary.organisation, services: 1 },
        }),
      }),
      mountPath: '/mandate',
      initialRouteEntries: ['/mandate'],
    });
    expect(
      await screen.findByRole('link', { name: '1 service' }),
    ).toBeInTheDocument();
  });

  it('fills itself once the first evaluation has stored results, without a reload', async () => {
    jest.useFakeTimers();
    try {
      const getSummary = jest
        .fn()
        .mockResolvedValueOnce(empty)
        .mockResolvedValue(summary);
      await renderMandate(<DashboardPage />, {
        api: mockMandateApi({ getSummary }),
        mountPath: '/mandate',
        initialRouteEntries: ['/mandate'],
      });
      expect(
        await screen.findByText('No evaluated services'),
      ).toBeInTheDocument();
      await act(async () => {
        jest.advanceTimersByTime(EMPTY_REFRESH_MS);
      });
      expect(await screen.findByTestId('organisation-score')).toBeVisible();
      expect(getSummary).toHaveBeenCalledTimes(2);
    } finally {
      jest.useRealTimers();
    }
  });
});
