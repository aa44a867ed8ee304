import { Entity } from '@backstage/catalog-model';
import { SnapshotInput } from '../src/catalog';

/** A small, fast, seedable PRNG (mulberry32), so that every run measures the same catalog. */
export function seededRandom(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

const TIERS = ['critical', 'high', 'medium', 'low'];
const SLOS = ['99', '99.5', '99.9', '99.95', '99.99'];
const DOMAIN_SIZE = 50;
/**
 * The share of services that provide an API of their own (the others are workers, consumers
 * and internal services reached through dependsOn): with it, 10,000 services are the ~50 MB
 * of YAML issue 11 sizes them at.
 */
const SERVICES_WITH_API = 0.4;
const SERVICES_PER_TEAM = 5;
const RUNBOOK =
  '# Runbook\n\n## Diagnosis\n\nCheck the dashboard.\n\n## Mitigation\n\nRoll back.\n\n## Escalation\n\nPage the team lead.\n';

function entity(
  kind: string,
  name: string,
  spec: Record<string, unknown>,
  annotations: Record<string, string> = {},
): Entity {
  return {
    apiVersion: 'backstage.io/v1alpha1',
    kind,
    metadata: { name, annotations },
    spec: spec as Entity['spec'],
  };
}

function problemResponse(description: string) {
  return {
    description,
    content: {
      'application/problem+json': {
        schema: { $ref: '#/components/schemas/Problem' },
      },
    },
  };
}

/** An OpenAPI 3 document (JSON text) with `paths * 2` operations, mostly well designed. */
function openApiDocument(
  name: string,
  random: () => number,
  paths = 10,
): string {
  const doc: Record<string, any> = {
    openapi: '3.0.3',
    info: {
      title: `${name} API`,
      version: random() < 0.9 ? `1.${Math.floor(random() * 9)}.0` : 'v1',
    },
    security: random() < 0.9 ? [{ oauth: [] }] : [],
    components: {
      securitySchemes: { oauth: { type: 'http', scheme: 'bearer' } },
      responses: {
        NotFound: problemResponse('not found'),
        ServerError: problemResponse('broken'),
        TooManyRequests: problemResponse('slow down'),
      },
      parameters: {
        RequestId: {
          name: 'X-Request-ID',
          in: 'header',
          required: true,
          schema: { type: 'string' },
        },
      },
      schemas: {
        Problem: {
          type: 'object',
          properties: {
            title: { type: 'string' },
            status: { type: 'integer' },
            detail: { type: 'string' },
          },
        },
        Item: {
          type: 'object',
          properties: {
            id: { type: 'string' },
            name: { type: 'string' },
            price: { type: 'number' },
          },
        },
        Envelope: {
          allOf: [
            { $ref: '#/components/schemas/Item' },
            {
              type: 'object',
              properties: {
                ok: { type: random() < 0.05 ? 'boolean' : 'string' },
              },
            },
          ],
        },
      },
    },
    paths: {},
  };
  for (let p = 0; p < paths; p++) {
    // The error responses are shared components, as well-kept specs write them.
    const errors: Record<string, unknown> = {
      '404': { $ref: '#/components/responses/NotFound' },
      '500': { $ref: '#/components/responses/ServerError' },
    };
    if (random() < 0.8)
      errors['429'] = { $ref: '#/components/responses/TooManyRequests' };
    const ok = (schema: string) => ({
      description: 'ok',
      content: {
        'application/json': {
          schema: { $ref: `#/components/schemas/${schema}` },
        },
      },
    });
    doc.paths[`/${name}/resource-${p}/{id}`] = {
      parameters:
        random() < 0.95 ? [{ $ref: '#/components/parameters/RequestId' }] : [],
      get: {
        operationId: `get${p}`,
        responses: { '200': ok('Item'), ...errors },
      },
      put: {
        operationId: `put${p}`,
        responses: { '200': ok(p === 0 ? 'Envelope' : 'Item'), ...errors },
      },
    };
  }
  return JSON.stringify(doc);
}

/**
 * A synthetic organisation shaped like real ones: services grouped in domains of 50 whose
 * calls mostly go "down" the domain (plus calls into a shared platform domain), ~4
 * dependencies per service (dependsOn and consumed APIs), 20% of them soft, a few back edges
 * that close small cycles; teams of 5 services and 6-10 people; a database per service on
 * shared clusters, some shared; two in five services provide an API of ~20 operations (its
 * error responses shared components), the others none; a gateway per domain.
 */
export function generateSyntheticCatalog(options: {
  services: number;
  seed?: number;
}): SnapshotInput[] {
  const random = seededRandom(options.seed ?? 42);
  const pick = <T>(items: readonly T[]) =>
    items[Math.floor(random() * items.length)];
  const n = options.services;
  const inputs: SnapshotInput[] = [];
  const add = (e: Entity, extra: Omit<SnapshotInput, 'entity'> = {}) =>
    inputs.push({ entity: e, ...extra });

  const teams = Math.ceil(n / SERVICES_PER_TEAM);
  for (let t = 0; t < teams; t++) {
    const size = 6 + Math.floor(random() * 5);
    const members = Array.from({ length: size }, (_, u) => `user-${t}-${u}`);
    add(
      entity('Group', `team-${t}`, {
        type: 'team',
        children: [],
        members: members.slice(0, size / 2),
      }),
    );
    for (const user of members)
      add(entity('User', user, { memberOf: [`team-${t}`] }));
  }
  const clusters = Math.max(1, Math.ceil(n / 100));
  for (let c = 0; c < clusters; c++)
    add(
      entity('Resource', `cluster-${c}`, {
        type: 'database-cluster',
        owner: 'team-0',
      }),
    );

  const name = (i: number) => `svc-${i}`;
  // Drawn apart from the main sequence, so that a consumer knows whether its target has an API.
  const withApi = seededRandom((options.seed ?? 42) + 2);
  const hasApi = Array.from({ length: n }, () => withApi() < SERVICES_WITH_API);
  for (let i = 0; i < n; i++) {
    const domain = Math.floor(i / DOMAIN_SIZE);
    const j = i % DOMAIN_SIZE;
    const domainStart = domain * DOMAIN_SIZE;
    const domainEnd = Math.min(n, domainStart + DOMAIN_SIZE);
    const owner = `team-${Math.floor(i / SERVICES_PER_TEAM)}`;
    const tier = j < 10 ? pick(TIERS.slice(0, 2)) : pick(TIERS);

    // ~4 dependencies: mostly further down the domain, sometimes into the platform domain.
    const targets = new Set<number>();
    const degree = 3 + Math.floor(random() * 3);
    for (let k = 0; k < degree && domainEnd - i > 1; k++) {
      const target =
        random() < 0.1 && domain > 0
          ? Math.floor(random() * Math.min(DOMAIN_SIZE, n))
          : i + 1 + Math.floor(random() * (domainEnd - i - 1));
      if (target !== i) targets.add(target);
    }
    if (random() < 0.02 && j > 0)
      targets.add(domainStart + Math.floor(random() * j)); // a back edge: a cycle
    const dependsOn = [`resource:db-${i}`];
    const consumesApis: string[] = [];
    const soft: string[] = [];
    for (const target of targets) {
      if (random() < 0.5 || !hasApi[target])
        dependsOn.push(`component:${name(target)}`);
      else consumesApis.push(`api:${name(target)}-api`);
      if (random() < 0.2) soft.push(`component:${name(target)}`);
    }
    if (random() < 0.05 && i > 0) dependsOn.push(`resource:db-${i - 1}`); // a shared database

    const relativeRunbook = random() < 0.5;
    const annotations: Record<string, string> = {
      'mandate.dev/tier': tier,
      'mandate.dev/slo': random() < 0.97 ? pick(SLOS) : '99.9%',
      'mandate.dev/runbook': relativeRunbook
        ? './runbook.md'
        : `https://wiki.example.com/${name(i)}`,
      'mandate.dev/on-call': random() < 0.9 ? owner : 'team-0',
      'mandate.dev/key-metrics': 'availability,latency-p99,error-rate',
      'mandate.dev/dashboard': `https://grafana.example.com/d/${name(i)}`,
      'mandate.dev/platform-template': pick([
        'node-22',
        'jvm-21',
        'go-1.23',
        'legacy-vm',
      ]),
      'mandate.dev/keepalive-timeout': String(60 + (j % 5) * 5),
    };
    if (soft.length > 0)
      annotations['mandate.dev/soft-dependencies'] = soft.join(',');
    add(
      entity(
        'Component',
        name(i),
        {
          type: 'service',
          lifecycle: 'production',
          owner,
          providesApis: hasApi[i] ? [`api:${name(i)}-api`] : [],
          consumesApis,
          dependsOn,
        },
        annotations,
      ),
      relativeRunbook
        ? {
            source: `catalog/${name(i)}.yaml`,
            runbook: { path: './runbook.md', text: RUNBOOK },
          }
        : { source: `catalog/${name(i)}.yaml` },
    );
    if (hasApi[i]) {
      add(
        entity(
          'API',
          `${name(i)}-api`,
          {
            type: 'openapi',
            lifecycle: 'production',
            owner,
            definition: openApiDocument(name(i), random),
          },
          random() < 0.5 ? { 'mandate.dev/rate-limit': '1000/min' } : {},
        ),
      );
    }
    add(
      entity('Resource', `db-${i}`, {
        type: 'database',
        owner,
        dependsOn: [`resource:cluster-${Math.floor(random() * clusters)}`],
      }),
    );
  }
  for (let d = 0; d * DOMAIN_SIZE < n; d++) {
    add(
      entity(
        'Component',
        `gateway-${d}`,
        {
          type: 'gateway',
          lifecycle: 'production',
          owner: 'team-0',
          dependsOn: Array.from(
            { length: Math.min(5, n - d * DOMAIN_SIZE) },
            (_, k) => `component:${name(d * DOMAIN_SIZE + k)}`,
          ),
        },
        { 'mandate.dev/keepalive-timeout': '30' },
      ),
    );
  }
  return inputs;
}
