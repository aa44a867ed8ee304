import { convertLegacyRouteRef } from '@backstage/core-compat-api';
import {
  campaignRouteRef,
  campaignsRouteRef,
  rootRouteRef,
  ruleRouteRef,
  servicesRouteRef,
  waiversRouteRef,
} from '../routes';

// The plugin's route refs, usable by the legacy frontend system too. The conversion adds the
// legacy fields to the same objects, so both systems (and the components' `useRouteRef`) share
// one ref per page.

/** The dashboard, `/mandate` by convention. */
export const legacyRootRouteRef = convertLegacyRouteRef(rootRouteRef);

/** The services behind a number of the dashboard, `/mandate/services` by convention. */
export const legacyServicesRouteRef = convertLegacyRouteRef(servicesRouteRef);

/** A rule's page, `/mandate/rules/:ruleId` by convention. */
export const legacyRuleRouteRef = convertLegacyRouteRef(ruleRouteRef);

/** The waivers page, `/mandate/waivers` by convention. */
export const legacyWaiversRouteRef = convertLegacyRouteRef(waiversRouteRef);
/** The campaigns, `/mandate/campaigns` by convention. */
export const legacyCampaignsRouteRef = convertLegacyRouteRef(campaignsRouteRef);

/** One campaign, `/mandate/campaigns/:campaignId` by convention. */
export const legacyCampaignRouteRef = convertLegacyRouteRef(campaignRouteRef);
