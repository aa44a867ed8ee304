export { mandateApiRef } from './MandateApi';
export type { MandateApi, HistoryQuery, SummaryFilters } from './MandateApi';
export { MandateClient } from './MandateClient';
