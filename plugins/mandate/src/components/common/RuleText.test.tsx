import { screen } from '@testing-library/react';
import { renderInTestApp } from '@backstage/frontend-test-utils';
import { entityRouteRef } from '@backstage/plugin-catalog-react';
import { RuleText } from './RuleText';

const routes = {
  mountedRoutes: { '/catalog/:namespace/:kind/:name': entityRouteRef },
};

describe('RuleText', () => {
  it('shows backtick spans as code and names the refs it is given', async () => {
    const { container } = await renderInTestApp(
      <p data-testid="text">
        <RuleText
          text="Set `mandate.dev/tier` of component:default/checkout to `critical`."
          refs={['component:default/checkout']}
        />
      </p>,
      routes,
    );
    expect(screen.getByTestId('text')).toHaveTextContent(
      'Set mandate.dev/tier of checkout to critical.',
    );
    expect(
      [...container.querySelectorAll('code')].map(code => code.textContent),
    ).toEqual(['mandate.dev/tier', 'critical']);
    expect(screen.getByRole('link', { name: 'checkout' })).toHaveAttribute(
      'href',
      '/catalog/default/component/checkout',
    );
  });

  it('leaves an unpaired backtick as written', async () => {
    const { container } = await renderInTestApp(
      <p data-testid="text">
        <RuleText text="a ` alone" />
      </p>,
      routes,
    );
    expect(screen.getByTestId('text')).toHaveTextContent('a ` alone');
    expect(container.querySelector('code')).toBeNull();
  });
});
