import { createApiRef } from '@backstage/frontend-plugin-api';
import {
  ApiMandateView,
  CampaignRequest,
  CampaignWithProgress,
  DependencyView,
  EntityReportResponse,
  Evaluation,
  History,
  ReportPage,
  ReportQuery,
  RequestPathView,
  RuleInfo,
  Summary,
  Waiver,
  WaiverQuery,
  WaiverRequest,
} from '@mandate-dev/plugin-mandate-common';

/** The filters the dashboard, the summary and the CSV export share. @public */
export type SummaryFilters = Pick<
  ReportQuery,
  'tier' | 'system' | 'owner' | 'lifecycle'
>;

/** Whose history to read: one service, one team, or (neither) the organisation. @public */
export interface HistoryQuery {
  entityRef?: string;
  owner?: string;
  /** YYYY-MM-DD */
  from?: string;
  /** YYYY-MM-DD */
  to?: string;
}

/** The Mandate REST API (`/api/mandate`) as the frontend sees it. @public */
export interface MandateApi {
  getRules(): Promise<RuleInfo[]>;
  /** The latest report of one service; undefined when it has not been evaluated yet. */
  getEntityReport(entityRef: string): Promise<EntityReportResponse | undefined>;
  getReport(query: ReportQuery): Promise<ReportPage>;
  getSummary(filters?: SummaryFilters): Promise<Summary>;
  getHistory(query: HistoryQuery): Promise<History>;
  getGraph(entityRef: string): Promise<DependencyView>;
  /** The request path through a service, gateway or load balancer. */
  getRequestPath(entityRef: string): Promise<RequestPathView>;
  /** An API's failing API-rule results per operation, with its providers and consumers. */
  getApiView(entityRef: string): Promise<ApiMandateView>;
  /** Queues an evaluation of one service, or of the whole catalog without a ref. */
  evaluate(entityRef?: string): Promise<Evaluation>;
  getEvaluation(id: string): Promise<Evaluation>;
  /** The report as CSV text, with the same filters as the report. */
  exportCsv(query: ReportQuery): Promise<string>;
  getWaivers(entityRef: string): Promise<Waiver[]>;
  /** Waivers and requests in every state, newest first, narrowed by state, team and rule. */
  listWaivers(query: WaiverQuery): Promise<Waiver[]>;
  /** Requests a waiver, or grants it at once when the user may approve (see `mode`). */
  createWaiver(request: WaiverRequest): Promise<Waiver>;
  approveWaiver(id: string, comment?: string): Promise<Waiver>;
  denyWaiver(id: string, comment?: string): Promise<Waiver>;
  revokeWaiver(id: string): Promise<void>;
  /** The campaigns not archived, by deadline, with their progress. */
  getCampaigns(): Promise<CampaignWithProgress[]>;
  /** One campaign with its progress; undefined when there is none (or it was archived). */
  getCampaign(id: string): Promise<CampaignWithProgress | undefined>;
  createCampaign(request: CampaignRequest): Promise<CampaignWithProgress>;
  updateCampaign(
    id: string,
    request: CampaignRequest,
  ): Promise<CampaignWithProgress>;
  archiveCampaign(id: string): Promise<void>;
}

/** @public */
export const mandateApiRef = createApiRef<MandateApi>().with({
  id: 'plugin.mandate.api',
  pluginId: 'mandate',
});
