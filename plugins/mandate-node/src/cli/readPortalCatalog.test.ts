import fs from 'node:fs';
import http from 'node:http';
import { AddressInfo } from 'node:net';
import os from 'node:os';
import path from 'node:path';
import { readPortalCatalog } from './readPortalCatalog';
import { runMandateCli } from './runMandateCli';

const TOKEN = 's3cret-token';

function component(
  name: string,
  annotations: Record<string, string>,
  spec = {},
) {
  return {
    apiVersion: 'backstage.io/v1alpha1',
    kind: 'Component',
    metadata: { name, namespace: 'default', uid: `uid-${name}`, annotations },
    spec: {
      type: 'service',
      lifecycle: 'production',
      owner: 'team-a',
      ...spec,
    },
    relations: [],
  };
}

/** What the portal's catalog holds, in two pages. */
const PORTAL_PAGES = [
  [
    {
      apiVersion: 'backstage.io/v1alpha1',
      kind: 'Group',
      metadata: { name: 'team-a', namespace: 'default' },
      spec: { type: 'team', children: [], members: [] },
    },
    // The portal's (older) orders: the local file replaces it.
    component('orders', { 'mandate.dev/tier': 'low' }, { owner: 'team-b' }),
  ],
  [
    component('payments', { 'mandate.dev/tier': 'low' }),
    component('inventory', { 'mandate.dev/tier': 'critical' }),
  ],
];

const LOCAL_ORDERS = `apiVersion: backstage.io/v1alpha1
kind: Component
metadata:
  name: orders
  annotations:
    mandate.dev/tier: high
spec:
  type: service
  lifecycle: production
  owner: team-a
  dependsOn: [component:payments]
`;

interface Seen {
  url: URL;
  authorization?: string;
}

let server: http.Server;
let baseUrl: string;
let seen: Seen[];
/** How the server answers; default the catalog's two pages. */
let answer: (req: http.IncomingMessage, res: http.ServerResponse) => void;
let dir: string;

/** The body the server answers for a page, as Backstage's by-query does. */
function pageBody(page: number) {
  return JSON.stringify({
    items: PORTAL_PAGES[page],
    totalItems: 4,
    pageInfo: page === 0 ? { nextCursor: 'page-2' } : {},
  });
}

function catalogAnswer(req: http.IncomingMessage, res: http.ServerResponse) {
  const url = new URL(req.url!, baseUrl);
  if (req.headers.authorization !== `Bearer ${TOKEN}`) {
    res.writeHead(401, { 'content-type': 'application/json' });
    res.end('{"error":{"name":"AuthenticationError"}}');
    return;
  }
  const page = url.searchParams.get('cursor') === 'page-2' ? 1 : 0;
  res.writeHead(200, { 'content-type': 'application/json' });
  res.end(pageBody(page));
}

beforeEach(async () => {
  seen = [];
  answer = catalogAnswer;
  server = http.createServer((req, res) => {
    seen.push({
      url: new URL(req.url!, baseUrl),
      authorization: req.headers.authorization,
    });
    answer(req, res);
  });
  await new Promise<void>(resolve => server.listen(0, '127.0.0.1', resolve));
  baseUrl = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
  dir = fs.mkdtempSync(path.join(os.tmpdir(), 'mandate-portal-'));
  fs.writeFileSync(path.join(dir, 'catalog-info.yaml'), LOCAL_ORDERS);
});

afterEach(async () => {
  server.closeAllConnections(); // the timeout test leaves a request unanswered
  await new Promise(resolve => server.close(resolve));
  fs.rmSync(dir, { recursive: true, force: true });
});

async function run(argv: string[], env: Record<string, string> = {}) {
  let stdout = '';
  let stderr = '';
  const code = await runMandateCli(argv, {
    stdout: t => {
      stdout += t;
    },
    stderr: t => {
      stderr += t;
    },
    now: () => new Date('2026-11-26T10:00:00.000Z'),
    cwd: dir,
    env,
  });
  return { code, stdout, stderr };
}

const options = () => ({
  baseUrl,
  token: TOKEN,
  maxBytes: 1024 * 1024,
  timeoutMs: 5000,
});

describe('readPortalCatalog', () => {
  it('reads every page by cursor, with the bearer token, for the rule kinds', async () => {
    const inputs = await readPortalCatalog({
      ...options(),
      baseUrl: `${baseUrl}/`,
    });
    expect(inputs.map(i => i.entity.metadata.name)).toEqual([
      'team-a',
      'orders',
      'payments',
      'inventory',
    ]);
    expect(seen).toHaveLength(2);
    expect(seen.map(s => s.url.pathname)).toEqual([
      '/api/catalog/entities/by-query',
      '/api/catalog/entities/by-query',
    ]);
    expect(seen.map(s => s.authorization)).toEqual([
      `Bearer ${TOKEN}`,
      `Bearer ${TOKEN}`,
    ]);
    expect(seen[0].url.searchParams.get('limit')).toBe('500');
    expect(seen[0].url.searchParams.getAll('filter')).toEqual([
      'kind=Component',
      'kind=API',
      'kind=Group',
      'kind=User',
      'kind=Resource',
      'kind=System',
    ]);
    expect(seen[1].url.searchParams.get('cursor')).toBe('page-2');
  });

  it('stops when the pages together exceed the size cap', async () => {
    // The first page fits, the second does not.
    await expect(
      readPortalCatalog({ ...options(), maxBytes: pageBody(0).length + 10 }),
    ).rejects.toThrow(
      /cursor=page-2: the portal's catalog is larger than --catalog-max-bytes/,
    );
  });

  it('gives up after the timeout, naming the URL', async () => {
    answer = () => {}; // never answers
    await expect(
      readPortalCatalog({ ...options(), timeoutMs: 200 }),
    ).rejects.toThrow(
      `${baseUrl}/api/catalog/entities/by-query?limit=500&filter=kind%3DComponent`,
    );
    await expect(
      readPortalCatalog({ ...options(), timeoutMs: 200 }),
    ).rejects.toThrow('no answer within --catalog-timeout (0.2 s)');
  });

  it('names the URL and status of a failing request', async () => {
    answer = (_, res) => {
      res.writeHead(503, 'Service Unavailable');
      res.end();
    };
    await expect(readPortalCatalog(options())).rejects.toThrow(
      /\/api\/catalog\/entities\/by-query\?limit=500&.*: 503 Service Unavailable$/,
    );
  });

  it('rejects an answer that is not the catalog JSON', async () => {
    answer = (_, res) => {
      res.writeHead(200, { 'content-type': 'text/html' });
      res.end('<html>login</html>');
    };
    await expect(readPortalCatalog(options())).rejects.toThrow(
      'not a catalog answer',
    );
  });
});

describe('mandate check --catalog-url', () => {
  it('overlays the local files on the portal catalog and reports only the local services', async () => {
    const { code, stdout, stderr } = await run(
      ['check', dir, '--catalog-url', baseUrl, '--format', 'json'],
      { MANDATE_TOKEN: TOKEN },
    );
    expect(stderr).toBe('');
    expect(code).toBe(0);
    const report = JSON.parse(stdout);
    expect(report.entities.map((e: any) => e.entityRef)).toEqual([
      'component:default/orders',
    ]);
    const [orders] = report.entities;
    // The local orders, not the portal's (tier low, owner team-b).
    expect(orders.tier).toBe('high');
    expect(orders.owner).toBe('group:default/team-a');
    expect(orders.source.file).toMatch(/catalog-info\.yaml$/);
    const result = (id: string) =>
      orders.results.find((r: any) => r.ruleId === id);
    // The portal's team and the portal's payments resolve ...
    expect(result('deps.resolved').status).toBe('pass');
    // ... and the portal's payments tier counts for the local service's tier inversion.
    expect(result('deps.no-tier-inversion').status).toBe('fail');
    expect(result('deps.no-tier-inversion').evidence).toEqual([
      'component:default/orders (high) -> component:default/payments (low)',
    ]);
    expect(seen.map(s => s.authorization)).toEqual([
      `Bearer ${TOKEN}`,
      `Bearer ${TOKEN}`,
    ]);
  });

  it('leaves the portal entities unresolved without --catalog-url', async () => {
    const { stdout } = await run(['check', dir, '--format', 'json']);
    const statuses = Object.fromEntries(
      JSON.parse(stdout).entities[0].results.map((r: any) => [
        r.ruleId,
        r.status,
      ]),
    );
    expect(statuses['deps.resolved']).toBe('fail');
    expect(seen).toEqual([]);
  });

  it('reports a portal service named with --entity, --token winning over MANDATE_TOKEN', async () => {
    const { code, stdout } = await run(
      [
        'check',
        dir,
        '--catalog-url',
        baseUrl,
        '--token',
        TOKEN,
        '--entity',
        'component:inventory',
        '--format',
        'json',
      ],
      { MANDATE_TOKEN: 'stale' },
    );
    expect(code).toBe(0);
    expect(JSON.parse(stdout).entities.map((e: any) => e.entityRef)).toEqual([
      'component:default/inventory',
    ]);
  });

  it('warns that nothing is reported when the local files hold no service', async () => {
    fs.writeFileSync(
      path.join(dir, 'catalog-info.yaml'),
      LOCAL_ORDERS.replace('type: service', 'type: library'),
    );
    const { code, stdout, stderr } = await run(
      ['check', dir, '--catalog-url', baseUrl, '--format', 'json'],
      { MANDATE_TOKEN: TOKEN },
    );
    expect(code).toBe(0);
    expect(JSON.parse(stdout).entities).toEqual([]);
    expect(stderr).toBe(
      'warning: the local files hold no service, so none is reported (name portal services with --entity)\n',
    );
  });

  it('exits 2 on a 401, saying the token is missing or wrong, without printing it', async () => {
    const { code, stdout, stderr } = await run([
      'check',
      dir,
      '--catalog-url',
      baseUrl,
      '--token',
      'wrong-token',
    ]);
    expect(code).toBe(2);
    expect(stdout).toBe('');
    expect(stderr).toContain(`${baseUrl}/api/catalog/entities/by-query?`);
    expect(stderr).toContain(
      '401 Unauthorized, the token is missing or wrong (--token or MANDATE_TOKEN)',
    );
    expect(stderr).not.toContain('wrong-token');
    const missing = await run(['check', dir, '--catalog-url', baseUrl]);
    expect(missing.code).toBe(2);
    expect(seen[seen.length - 1].authorization).toBeUndefined();
  });

  it('exits 2 for a --catalog-url that is not an http(s) URL', async () => {
    const { code, stderr } = await run([
      'check',
      dir,
      '--catalog-url',
      'file:///etc',
    ]);
    expect(code).toBe(2);
    expect(stderr).toContain('--catalog-url file:///etc is not an http(s) URL');
  });
});
