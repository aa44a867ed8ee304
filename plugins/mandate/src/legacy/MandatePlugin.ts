import {
  createApiFactory,
  createPlugin,
  discoveryApiRef,
  fetchApiRef,
} from '@backstage/core-plugin-api';
import { mandateApiRef, MandateClient } from '../api';
import {
  legacyCampaignRouteRef,
  legacyCampaignsRouteRef,
  legacyRootRouteRef,
  legacyRuleRouteRef,
  legacyServicesRouteRef,
  legacyWaiversRouteRef,
} from './legacyRouteRefs';

/**
 * Mandate for apps on the legacy frontend system (`@backstage/app-defaults`' `createApp`): the
 * API client and the routes of the pages. Apps on the new frontend system install the default
 * export of `@mandate-dev/plugin-mandate/alpha` instead.
 *
 * @public
 */
export const MandatePlugin = createPlugin({
  id: 'mandate',
  apis: [
    createApiFactory({
      api: mandateApiRef,
      deps: { discoveryApi: discoveryApiRef, fetchApi: fetchApiRef },
      factory: ({ discoveryApi, fetchApi }) =>
        new MandateClient({ discoveryApi, fetchApi }),
    }),
  ],
  routes: {
    root: legacyRootRouteRef,
    services: legacyServicesRouteRef,
    rule: legacyRuleRouteRef,
    waivers: legacyWaiversRouteRef,
    campaigns: legacyCampaignsRouteRef,
    campaign: legacyCampaignRouteRef,
  },
});
