import { DiscoveryApi, FetchApi } from '@backstage/frontend-plugin-api';
import { ResponseError } from '@backstage/errors';
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
import { HistoryQuery, MandateApi, SummaryFilters } from './MandateApi';

type QueryValues = Record<string, string | number | undefined | null>;

/** Talks to the mandate backend through the app's discovery and (authenticated) fetch. @public */
export class MandateClient implements MandateApi {
  readonly #discoveryApi: DiscoveryApi;
  readonly #fetchApi: FetchApi;

  constructor(options: { discoveryApi: DiscoveryApi; fetchApi: FetchApi }) {
    this.#discoveryApi = options.discoveryApi;
    this.#fetchApi = options.fetchApi;
  }

  async getRules(): Promise<RuleInfo[]> {
    const body = await this.#json<{ items: RuleInfo[] }>('/rules');
    return body.items;
  }

  async getEntityReport(
    entityRef: string,
  ): Promise<EntityReportResponse | undefined> {
    const response = await this.#fetch(
      `/entities/${encodeURIComponent(entityRef)}`,
    );
    if (response.status === 404) {
      return undefined;
    }
    return this.#parse<EntityReportResponse>(response);
  }

  getReport(query: ReportQuery): Promise<ReportPage> {
    return this.#json<ReportPage>(`/report${toSearch({ ...query })}`);
  }

  getSummary(filters: SummaryFilters = {}): Promise<Summary> {
    return this.#json<Summary>(`/summary${toSearch({ ...filters })}`);
  }

  getHistory(query: HistoryQuery): Promise<History> {
    return this.#json<History>(`/history${toSearch({ ...query })}`);
  }

  getGraph(entityRef: string): Promise<DependencyView> {
    return this.#json<DependencyView>(
      `/graph/${encodeURIComponent(entityRef)}`,
    );
  }

  getRequestPath(entityRef: string): Promise<RequestPathView> {
    return this.#json<RequestPathView>(
      `/request-path/${encodeURIComponent(entityRef)}`,
    );
  }

  getApiView(entityRef: string): Promise<ApiMandateView> {
    return this.#json<ApiMandateView>(`/apis/${encodeURIComponent(entityRef)}`);
  }

  evaluate(entityRef?: string): Promise<Evaluation> {
    return this.#json<Evaluation>('/evaluate', {
      method: 'POST',
      body: entityRef ? { entityRef } : {},
    });
  }

  getEvaluation(id: string): Promise<Evaluation> {
    return this.#json<Evaluation>(`/evaluations/${encodeURIComponent(id)}`);
  }

  async exportCsv(query: ReportQuery): Promise<string> {
    const response = await this.#fetch(`/export.csv${toSearch({ ...query })}`);
    if (!response.ok) {
      throw await ResponseError.fromResponse(response);
    }
    return response.text();
  }

  async getWaivers(entityRef: string): Promise<Waiver[]> {
    const body = await this.#json<{ items: Waiver[] }>(
      `/waivers${toSearch({ entityRef })}`,
    );
    return body.items;
  }

  async listWaivers(query: WaiverQuery): Promise<Waiver[]> {
    const body = await this.#json<{ items: Waiver[] }>(
      `/waivers${toSearch({ ...query })}`,
    );
    return body.items;
  }

  createWaiver(request: WaiverRequest): Promise<Waiver> {
    return this.#json<Waiver>('/waivers', { method: 'POST', body: request });
  }

  approveWaiver(id: string, comment?: string): Promise<Waiver> {
    return this.#decide(id, 'approve', comment);
  }

  denyWaiver(id: string, comment?: string): Promise<Waiver> {
    return this.#decide(id, 'deny', comment);
  }

  #decide(
    id: string,
    decision: 'approve' | 'deny',
    comment?: string,
  ): Promise<Waiver> {
    return this.#json<Waiver>(
      `/waivers/${encodeURIComponent(id)}/${decision}`,
      { method: 'POST', body: comment ? { comment } : {} },
    );
  }

  async revokeWaiver(id: string): Promise<void> {
    const response = await this.#fetch(`/waivers/${encodeURIComponent(id)}`, {
      method: 'DELETE',
    });
    if (!response.ok) {
      throw await ResponseError.fromResponse(response);
    }
  }

  async getCampaigns(): Promise<CampaignWithProgress[]> {
    const body = await this.#json<{ items: CampaignWithProgress[] }>(
      '/campaigns',
    );
    return body.items;
  }

  async getCampaign(id: string): Promise<CampaignWithProgress | undefined> {
    const response = await this.#fetch(`/campaigns/${encodeURIComponent(id)}`);
    if (response.status === 404) {
      return undefined;
    }
    return this.#parse<CampaignWithProgress>(response);
  }

  createCampaign(request: CampaignRequest): Promise<CampaignWithProgress> {
    return this.#json<CampaignWithProgress>('/campaigns', {
      method: 'POST',
      body: request,
    });
  }

  updateCampaign(
    id: string,
    request: CampaignRequest,
  ): Promise<CampaignWithProgress> {
    return this.#json<CampaignWithProgress>(
      `/campaigns/${encodeURIComponent(id)}`,
      { method: 'PUT', body: request },
    );
  }

  async archiveCampaign(id: string): Promise<void> {
    const response = await this.#fetch(`/campaigns/${encodeURIComponent(id)}`, {
      method: 'DELETE',
    });
    if (!response.ok) {
      throw await ResponseError.fromResponse(response);
    }
  }

  async #fetch(
    path: string,
    init?: { method: string; body?: unknown },
  ): Promise<Response> {
    const baseUrl = await this.#discoveryApi.getBaseUrl('mandate');
    return this.#fetchApi.fetch(`${baseUrl}${path}`, {
      method: init?.method ?? 'GET',
      ...(init?.body !== undefined && {
        headers: { 'Content-Type': 'application/json' },
        body: JSON.stringify(init.body),
      }),
    });
  }

  async #json<T>(
    path: string,
    init?: { method: string; body?: unknown },
  ): Promise<T> {
    return this.#parse<T>(await this.#fetch(path, init));
  }

  async #parse<T>(response: Response): Promise<T> {
    if (!response.ok) {
      throw await ResponseError.fromResponse(response);
    }
    return (await response.json()) as T;
  }
}

function toSearch(values: QueryValues): string {
  const params = new URLSearchParams();
  for (const [key, value] of Object.entries(values)) {
    if (value !== undefined && value !== null && value !== '') {
      params.set(key, String(value));
    }
  }
  const search = params.toString();
  return search ? `?${search}` : '';
}
