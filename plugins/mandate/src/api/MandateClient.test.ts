import { MandateClient } from './MandateClient';

function jsonResponse(status: number, body: unknown) {
  return {
    ok: status >= 200 && status < 300,
    status,
    statusText: String(status),
    url: 'http://localhost:7007/api/mandate',
    headers: { get: () => 'application/json' },
    json: async () => body,
    text: async () => (typeof body === 'string' ? body : JSON.stringify(body)),
  } as unknown as Response;
}

describe('MandateClient', () => {
  const discoveryApi = {
    getBaseUrl: jest.fn(async () => 'http://localhost:7007/api/mandate'),
  };

  function client(response: Response) {
    const fetch = jest.fn(async () => response);
    return {
      fetch,
      client: new MandateClient({ discoveryApi, fetchApi: { fetch } as any }),
    };
  }

  it('encodes entity refs and report filters', async () => {
    const a = client(
      jsonResponse(200, { total: 0, offset: 0, limit: 20, items: [] }),
    );
    await a.client.getReport({
      owner: 'group:default/x',
      tier: 'critical',
      offset: 20,
      limit: 20,
    });
    expect(a.fetch).toHaveBeenCalledWith(
      'http://localhost:7007/api/mandate/report?owner=group%3Adefault%2Fx&tier=critical&offset=20&limit=20',
      { method: 'GET' },
    );
    const b = client(jsonResponse(200, {}));
    await b.client.getGraph('component:default/orders');
    expect(b.fetch).toHaveBeenCalledWith(
      'http://localhost:7007/api/mandate/graph/component%3Adefault%2Forders',
      { method: 'GET' },
    );
    const c = client(jsonResponse(200, {}));
    await c.client.getRequestPath('resource:default/storefront-lb');
    expect(c.fetch).toHaveBeenCalledWith(
      'http://localhost:7007/api/mandate/request-path/resource%3Adefault%2Fstorefront-lb',
      { method: 'GET' },
    );
    const d = client(jsonResponse(200, {}));
    await d.client.getApiView('api:default/orders-api');
    expect(d.fetch).toHaveBeenCalledWith(
      'http://localhost:7007/api/mandate/apis/api%3Adefault%2Forders-api',
      { method: 'GET' },
    );
  });

  it('answers undefined for a service that has not been evaluated', async () => {
    const { client: c } = client(
      jsonResponse(404, {
        error: { name: 'NotFoundError', message: 'no report' },
      }),
    );
    await expect(
      c.getEntityReport('component:default/x'),
    ).resolves.toBeUndefined();
  });

  it('posts waivers as JSON and throws ResponseError on HTTP errors', async () => {
    const ok = client(jsonResponse(201, { id: 'w-1' }));
    await ok.client.createWaiver({
      entityRef: 'component:default/orders',
      ruleId: 'ops.runbook',
      reason: 'r',
      expiresAt: '2026-12-01T00:00:00.000Z',
    });
    expect(ok.fetch).toHaveBeenCalledWith(
      'http://localhost:7007/api/mandate/waivers',
      {
        method: 'POST',
        headers: { 'Content-Type': 'application/json' },
        body: JSON.stringify({
          entityRef: 'component:default/orders',
          ruleId: 'ops.runbook',
          reason: 'r',
          expiresAt: '2026-12-01T00:00:00.000Z',
        }),
      },
    );
    const denied = client(
      jsonResponse(403, {
        error: { name: 'NotAllowedError', message: 'no waivers for you' },
      }),
    );
    await expect(denied.client.revokeWaiver('w-1')).rejects.toMatchObject({
      name: 'ResponseError',
      statusCode: 403,
    });
  });

  it('lists waivers with their filters and posts decisions with an optional comment', async () => {
    const list = client(jsonResponse(200, { items: [] }));
    await list.client.listWaivers({
      state: 'expiring',
      owner: 'group:default/checkout-team',
      ruleId: undefined,
    });
    expect(list.fetch).toHaveBeenCalledWith(
      'http://localhost:7007/api/mandate/waivers?state=expiring&owner=group%3Adefault%2Fcheckout-team',
      { method: 'GET' },
    );

    const approve = client(jsonResponse(200, { id: 'w/1', state: 'active' }));
    expect(await approve.client.approveWaiver('w/1', 'ok')).toEqual({
      id: 'w/1',
      state: 'active',
    });
    expect(approve.fetch).toHaveBeenCalledWith(
      'http://localhost:7007/api/mandate/waivers/w%2F1/approve',
      {
        method: 'POST',
        headers: { 'Content-Type': 'application/json' },
        body: JSON.stringify({ comment: 'ok' }),
      },
    );

    const conflict = client(
      jsonResponse(409, {
        error: { name: 'ConflictError', message: 'it is denied' },
      }),
    );
    await expect(conflict.client.denyWaiver('w-1')).rejects.toMatchObject({
      name: 'ResponseError',
      statusCode: 409,
    });
    expect(conflict.fetch).toHaveBeenCalledWith(
      'http://localhost:7007/api/mandate/waivers/w-1/deny',
      {
        method: 'POST',
        headers: { 'Content-Type': 'application/json' },
        body: '{}',
      },
    );
  });
});
