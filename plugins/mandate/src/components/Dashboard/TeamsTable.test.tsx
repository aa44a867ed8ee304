import { screen } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { TeamSummary } from '@mandate-dev/plugin-mandate-common';
import { TeamsTable } from './TeamsTable';
import { mockMandateApi } from '../../__testUtils__/fixtures';
import { renderMandate } from '../../__testUtils__/renderMandate';

const teams: TeamSummary[] = Array.from({ length: 30 }, (_, i) => ({
  owner: `group:default/team-${String(i).padStart(2, '0')}`,
  score: i,
  services: 1,
  levels: { none: 1, bronze: 0, silver: 0, gold: 0 },
  change30d: null,
}));

describe('TeamsTable', () => {
  it('renders one page of teams at a time, lowest score first', async () => {
    await renderMandate(
      <TeamsTable teams={teams} servicesHref={() => undefined} />,
      {
        api: mockMandateApi(),
      },
    );
    expect(
      await screen.findByRole('link', { name: 'team-00' }),
    ).toBeInTheDocument();
    expect(screen.getByRole('link', { name: 'team-24' })).toBeInTheDocument();
    expect(
      screen.queryByRole('link', { name: 'team-25' }),
    ).not.toBeInTheDocument();

    await userEvent.click(screen.getByRole('button', { name: /next/i }));
    expect(
      await screen.findByRole('link', { name: 'team-29' }),
    ).toBeInTheDocument();
    expect(
      screen.queryByRole('link', { name: 'team-00' }),
    ).not.toBeInTheDocument();
  });
});
