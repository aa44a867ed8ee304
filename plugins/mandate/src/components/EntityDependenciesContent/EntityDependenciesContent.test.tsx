import { screen, within } from '@testing-library/react';
import { EntityDependenciesContent } from './EntityDependenciesContent';
import { mockMandateApi, ordersEntity } from '../../__testUtils__/fixtures';
import { renderMandate } from '../../__testUtils__/renderMandate';

describe('EntityDependenciesContent', () => {
  it('shows both directions with tier, SLO and hard/soft edges, the weakest link marked', async () => {
    const api = mockMandateApi();
    await renderMandate(<EntityDependenciesContent />, {
      api,
      entity: ordersEntity,
    });

    const deps = await screen.findByLabelText('Dependencies');
    const rows = within(deps).getAllByRole('row');
    expect(rows).toHaveLength(4); // header + 3
    const inventory = rows.find(row => row.textContent?.includes('inventory'))!;
    expect(inventory).toHaveTextContent('weakest link');
    expect(inventory).toHaveTextContent('99.5%');
    expect(inventory).toHaveTextContent('hard');
    const recommendations = rows.find(row =>
      row.textContent?.includes('recommendations'),
    )!;
    expect(recommendations).toHaveTextContent('soft');

    const dependents = screen.getByLabelText('Dependents');
    expect(
      within(dependents).getByRole('link', { name: 'checkout' }),
    ).toHaveAttribute('href', '/catalog/default/component/checkout');
    expect(api.getGraph).toHaveBeenCalledWith('component:default/orders');
  });

  it('shows composite availability, the tier inversion path and the blast radius', async () => {
    await renderMandate(<EntityDependenciesContent />, {
      api: mockMandateApi(),
      entity: ordersEntity,
    });
    expect(
      await screen.findByTestId('composite-availability'),
    ).toHaveTextContent('99.4005%');
    expect(screen.getByTestId('weakest-link')).toHaveTextContent('inventory');
    const path = screen.getByRole('list', { name: 'Tier inversion path' });
    expect(
      within(path)
        .getAllByRole('link')
        .map(l => l.textContent),
    ).toEqual(['orders', 'inventory']);
    expect(path).toHaveTextContent('(low)');
    expect(screen.getByTestId('blast-direct')).toHaveTextContent('1');
    expect(screen.getByTestId('blast-transitive')).toHaveTextContent('4');
  });

  it('shows an empty state for a service outside the graph', async () => {
    // what ResponseError.fromResponse makes of a 404
    const notFound = Object.assign(new Error('not found'), {
      name: 'ResponseError',
      statusCode: 404,
    });
    await renderMandate(<EntityDependenciesContent />, {
      api: mockMandateApi({ getGraph: jest.fn().mockRejectedValue(notFound) }),
      entity: ordersEntity,
    });
    expect(
      await screen.findByText('Not in the dependency graph yet'),
    ).toBeInTheDocument();
  });
});
