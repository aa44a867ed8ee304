/**
 * The Mandate frontend plugin: scores every service of the catalog against the Amazon-style
 * service-oriented rules and shows it on service and team pages, a dashboard and rule pages.
 *
 * This entry point serves apps on the legacy frontend system (`MandatePlugin` and its
 * extensions), as Backstage's own plugins do; the new frontend system's plugin is the default
 * export of `@mandate-dev/plugin-mandate/alpha`.
 *
 * @packageDocumentation
 */
export { MandatePlugin } from './legacy/MandatePlugin';
export {
  EntityApiMandateContent,
  EntityMandateCard,
  EntityMandateContent,
  EntityMandateDependenciesContent,
  EntityMandateRequestPathContent,
  EntityTeamMandateContent,
  MandateCampaignPage,
  MandateCampaignsPage,
  MandateDashboardPage,
  MandateRulePage,
  MandateServicesPage,
  MandateWaiversPage,
} from './legacy/extensions';
export { mandateApiRef, MandateClient } from './api';
export {
  mandateCatalogColumns,
  MandateScoresProvider,
  useMandateScores,
} from './catalog';
export type { MandateScores } from './catalog';
export type { MandateApi, HistoryQuery, SummaryFilters } from './api';
export {
  campaignRouteRef,
  campaignsRouteRef,
  rootRouteRef,
  ruleRouteRef,
  servicesRouteRef,
  waiversRouteRef,
} from './routes';
