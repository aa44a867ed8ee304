import { screen, within } from '@testing-library/react';
import { Route, Routes } from 'react-router-dom';
import {
  mockApis,
  TestApiProvider,
  renderInTestApp,
} from '@backstage/test-utils';
import { permissionApiRef } from '@backstage/plugin-permission-react';
import {
  catalogApiRef,
  entityRouteRef,
  EntityProvider,
} from '@backstage/plugin-catalog-react';
import { catalogApiMock } from '@backstage/plugin-catalog-react/testUtils';
import { mandateApiRef } from '../api';
import { mockMandateApi, ordersEntity } from '../__testUtils__/fixtures';
import {
  EntityMandateCard,
  EntityMandateRequestPathContent,
  MandateDashboardPage,
} from './extensions';
import {
  requestPath,
  storefrontEntity,
} from '../__testUtils__/requestPathFixture';
import {
  legacyRootRouteRef,
  legacyRuleRouteRef,
  legacyServicesRouteRef,
} from './legacyRouteRefs';

// Rendered by @backstage/test-utils, i.e. inside an app of the legacy frontend system
// (@backstage/core-app-api), with the routes mounted as an adopter's App.tsx mounts them.

describe('legacy frontend system extensions', () => {
  it('EntityMandateCard shows the scorecard and links to the entity tab in a legacy app', async () => {
    await renderInTestApp(
      <TestApiProvider
        apis={[
          [mandateApiRef, mockMandateApi()],
          // A legacy app provides it (app-defaults); the card asks it whether it may evaluate.
          [permissionApiRef, mockApis.permission()],
        ]}
      >
        <EntityProvider entity={ordersEntity}>
          <EntityMandateCard />
        </EntityProvider>
      </TestApiProvider>,
      {
        mountedRoutes: {
          '/catalog/:namespace/:kind/:name': entityRouteRef,
          '/mandate': legacyRootRouteRef,
          '/mandate/services': legacyServicesRouteRef,
          '/mandate/rules/:ruleId': legacyRuleRouteRef,
        },
      },
    );
    const list = await screen.findByRole('list', { name: 'Top failing rules' });
    const links = within(list).getAllByRole('link');
    expect(links[0]).toHaveTextContent('Title of ops.runbook');
    expect(links[0]).toHaveAttribute(
      'href',
      '/catalog/default/component/orders/mandate#rule-ops.runbook',
    );
    expect(screen.getByTestId('card-score')).toHaveTextContent('81');
  });

  it('MandateDashboardPage resolves the plugin routes through the legacy routing', async () => {
    await renderInTestApp(
      <TestApiProvider
        apis={[
          [mandateApiRef, mockMandateApi()],
          [catalogApiRef, catalogApiMock()],
        ]}
      >
        <Routes>
          <Route path="/mandate" element={<MandateDashboardPage />} />
        </Routes>
      </TestApiProvider>,
      {
        mountedRoutes: {
          '/catalog/:namespace/:kind/:name': entityRouteRef,
          '/mandate/services': legacyServicesRouteRef,
          '/mandate/rules/:ruleId': legacyRuleRouteRef,
        },
        routeEntries: ['/mandate'],
      },
    );
    expect(await screen.findByTestId('organisation-score')).toHaveTextContent(
      '74',
    );
    expect(screen.getByRole('link', { name: '9 services' })).toHaveAttribute(
      'href',
      '/mandate/services',
    );
    expect(
      await screen.findByRole('link', { name: 'Title of ops.runbook' }),
    ).toHaveAttribute('href', '/mandate/rules/ops.runbook');
  });

  it('EntityMandateRequestPathContent shows the keep-alive chain of a load balancer in a legacy app', async () => {
    // jsdom does no layout: DependencyGraph measures every node with getBBox.
    Object.defineProperty(window.SVGElement.prototype, 'getBBox', {
      configurable: true,
      value: () => ({ x: 0, y: 0, width: 220, height: 100 }),
    });
    const balancer = requestPath.nodes.find(
      node => node.entityRef === 'resource:default/storefront-lb',
    )!;
    const api = mockMandateApi({
      getRequestPath: jest
        .fn()
        .mockResolvedValue({ ...requestPath, entityRef: balancer.entityRef }),
    });
    try {
      await renderInTestApp(
        <TestApiProvider apis={[[mandateApiRef, api]]}>
          <EntityProvider
            entity={{
              ...storefrontEntity,
              kind: 'Resource',
              metadata: { name: 'storefront-lb', namespace: 'default' },
              spec: {
                type: 'load-balancer',
                owner: 'group:default/platform-team',
              },
            }}
          >
            <EntityMandateRequestPathContent />
          </EntityProvider>
        </TestApiProvider>,
        {
          mountedRoutes: { '/catalog/:namespace/:kind/:name': entityRouteRef },
        },
      );
      const problems = await screen.findByRole('list', { name: 'Problems' });
      expect(problems).toHaveTextContent(
        'storefront-lb → Storefront: keep-alive 75 s >= 60 s',
      );
      expect(api.getRequestPath).toHaveBeenCalledWith(
        'resource:default/storefront-lb',
      );
    } finally {
      delete (window.SVGElement.prototype as { getBBox?: unknown }).getBBox;
    }
  });
});
