/**
 * The Mandate frontend plugin: scores every service of the catalog against the Amazon-style
 * service-oriented rules and shows it on service and team pages, a dashboard and rule pages.
 *
 * @packageDocumentation
 */
import { mandatePlugin } from './plugin';

export { mandatePlugin };
export { mandateApiRef, MandateClient } from './api';
export {
  mandateCatalogModule,
  mandateCatalogColumns,
  MandateScoresProvider,
  useMandateScores,
} from './catalog';
export type { MandateScores } from './catalog';
export type { MandateApi, HistoryQuery, SummaryFilters } from './api';
export { rootRouteRef, ruleRouteRef, servicesRouteRef } from './routes';
export default mandatePlugin;
