import { ReactElement } from 'react';
import { Entity } from '@backstage/catalog-model';
import { mockApis, renderInTestApp } from '@backstage/frontend-test-utils';
import {
  entityRouteRef,
  EntityProvider,
} from '@backstage/plugin-catalog-react';
import { catalogApiMock } from '@backstage/plugin-catalog-react/testUtils';
import { AuthorizeResult } from '@backstage/plugin-permission-common';
import { MandateApi, mandateApiRef } from '../api';
import {
  campaignRouteRef,
  campaignsRouteRef,
  rootRouteRef,
  ruleRouteRef,
  servicesRouteRef,
  waiversRouteRef,
} from '../routes';

/** Renders a Mandate view in a test app with a mocked API, permissions and the plugin's routes. */
export function renderMandate(
  element: ReactElement,
  options: {
    api: MandateApi;
    entity?: Entity;
    /** Whether a permission is allowed, on the resource it was asked for (if any). */
    allow?: boolean | ((permission: string, resourceRef?: string) => boolean);
    mountPath?: string;
    initialRouteEntries?: string[];
  },
) {
  const { api, entity, allow = true } = options;
  const authorize = (request: {
    permission: { name: string };
    resourceRef?: string;
  }) => {
    const allowed =
      typeof allow === 'function'
        ? allow(request.permission.name, request.resourceRef)
        : allow;
    return allowed ? AuthorizeResult.ALLOW : AuthorizeResult.DENY;
  };
  return renderInTestApp(
    entity ? (
      <EntityProvider entity={entity}>{element}</EntityProvider>
    ) : (
      element
    ),
    {
      apis: [
        [mandateApiRef, api],
        mockApis.permission({ authorize }),
        catalogApiMock({ entities: entity ? [entity] : [] }),
      ],
      mountedRoutes: {
        '/catalog/:namespace/:kind/:name': entityRouteRef,
        '/mandate': rootRouteRef,
        '/mandate/services': servicesRouteRef,
        '/mandate/waivers': waiversRouteRef,
        '/mandate/rules/:ruleId': ruleRouteRef,
        '/mandate/campaigns': campaignsRouteRef,
        '/mandate/campaigns/:campaignId': campaignRouteRef,
      },
      mountPath: options.mountPath,
      initialRouteEntries: options.initialRouteEntries,
    },
  );
}
