import { screen, within } from '@testing-library/react';
import { RequestPathContent } from './RequestPathContent';
import { mockMandateApi } from '../../__testUtils__/fixtures';
import { renderMandate } from '../../__testUtils__/renderMandate';
import {
  requestPath,
  storefrontEntity,
} from '../../__testUtils__/requestPathFixture';

// jsdom does no layout: DependencyGraph measures every node with getBBox.
beforeAll(() => {
  Object.defineProperty(window.SVGElement.prototype, 'getBBox', {
    configurable: true,
    value: () => ({ x: 0, y: 0, width: 220, height: 100 }),
  });
});

afterAll(() => {
  delete (window.SVGElement.prototype as { getBBox?: unknown }).getBBox;
});

describe('RequestPathContent', () => {
  it('says every problem of the path in words', async () => {
    const api = mockMandateApi();
    await renderMandate(<RequestPathContent />, {
      api,
      entity: storefrontEntity,
    });
    const problems = await screen.findByRole('list', { name: 'Problems' });
    const items = within(problems).getAllByRole('listitem');
    expect(items.map(item => item.textContent)).toEqual([
      'Tier inversion: checkout (critical) depends hard on recommendations (low), which silently becomes critical',
      'Keep-alive order: storefront-lb → Storefront: keep-alive 75 s >= 60 s: storefront-lb must drop idle connections before storefront closes them',
      'Unapproved platform template: recommendations runs on python-3.12-fastapi, which is not an approved platform template',
    ]);
    expect(api.getRequestPath).toHaveBeenCalledWith(
      'component:default/storefront',
    );
  });

  it('lists every hop with its layer, tier, SLO, template and keep-alive timeout, by display name', async () => {
    await renderMandate(<RequestPathContent />, {
      api: mockMandateApi(),
      entity: storefrontEntity,
    });
    const hops = await screen.findByLabelText('Hops');
    const rows = within(hops).getAllByRole('row').slice(1);
    expect(rows).toHaveLength(requestPath.nodes.length);
    const row = (name: string) =>
      rows.find(r => within(r).queryByRole('link', { name }))!;
    expect(row('storefront-lb')).toHaveTextContent(
      'access layer · load-balancer',
    );
    expect(row('storefront-lb')).toHaveTextContent('75 s');
    const storefront = row('Storefront');
    expect(within(storefront).getByRole('link')).toHaveAttribute(
      'href',
      '/catalog/default/component/storefront',
    );
    expect(storefront).toHaveTextContent('critical');
    expect(storefront).toHaveTextContent('99.95%');
    expect(storefront).toHaveTextContent('node-22-express');
    expect(storefront).toHaveTextContent('60 s');
    expect(storefront).not.toHaveTextContent('not approved');
    expect(row('recommendations')).toHaveTextContent(
      'python-3.12-fastapinot approved',
    );
    expect(row('pg-core')).toHaveTextContent('not declared');
  });

  it('draws the graph: soft edges dashed, problem edges labelled, hops with their facts', async () => {
    await renderMandate(<RequestPathContent />, {
      api: mockMandateApi(),
      entity: storefrontEntity,
    });
    const soft = await screen.findByTestId(
      'edge-component:default/storefront-component:default/recommendations',
      {},
      { timeout: 5000 },
    );
    expect(soft).toHaveAttribute('data-soft', 'true');
    expect(soft.querySelector('path')).toHaveAttribute(
      'stroke-dasharray',
      '6 4',
    );
    expect(soft).toHaveTextContent('soft');

    const hard = screen.getByTestId(
      'edge-component:default/storefront-component:default/checkout',
    );
    expect(hard.querySelector('path')).not.toHaveAttribute('stroke-dasharray');
    // A hard edge without a problem has nothing to say.
    expect(hard.querySelector('text')).toBeNull();

    expect(
      screen.getByTestId(
        'edge-resource:default/storefront-lb-component:default/storefront',
      ),
    ).toHaveTextContent('keep-alive');
    expect(
      screen.getByTestId('hop-resource:default/storefront-lb'),
    ).toHaveTextContent('keep-alive conflicts with Storefront');
    expect(
      screen.getByTestId(
        'edge-component:default/checkout-component:default/recommendations',
      ),
    ).toHaveTextContent('tier inversion');

    expect(
      screen.getByTestId('hop-resource:default/storefront-lb'),
    ).toHaveTextContent('keep-alive 75 s');
    expect(
      screen.getByTestId('hop-component:default/recommendations'),
    ).toHaveTextContent(
      'template python-3.12-fastapitier inversion from checkoutplatform template not approved',
    );
    expect(
      screen.getByTestId('hop-component:default/storefront'),
    ).toHaveTextContent('critical · SLO 99.95%');
  });

  it('says so when the layers agree', async () => {
    const agreeing = {
      ...requestPath,
      nodes: requestPath.nodes.filter(
        n => n.entityRef !== 'component:default/recommendations',
      ),
      edges: requestPath.edges
        .filter(e => e.to !== 'component:default/recommendations')
        .map(({ keepaliveProblem: _problem, ...edge }) => edge),
    };
    await renderMandate(<RequestPathContent />, {
      api: mockMandateApi({
        getRequestPath: jest.fn().mockResolvedValue(agreeing),
      }),
      entity: storefrontEntity,
    });
    expect(
      await screen.findByText('The layers agree along this path'),
    ).toBeInTheDocument();
    expect(screen.queryByRole('list', { name: 'Problems' })).toBeNull();
  });

  it('shows an empty state for an entity the backend does not know', async () => {
    const notFound = Object.assign(new Error('not found'), {
      name: 'ResponseError',
      statusCode: 404,
    });
    await renderMandate(<RequestPathContent />, {
      api: mockMandateApi({
        getRequestPath: jest.fn().mockRejectedValue(notFound),
      }),
      entity: storefrontEntity,
    });
    expect(await screen.findByText('No request path yet')).toBeInTheDocument();
  });
});
