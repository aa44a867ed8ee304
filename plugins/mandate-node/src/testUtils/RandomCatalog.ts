import { Entity } from '@backstage/catalog-model';
import { SnapshotInput } from '../catalog';

/** A small, seedable PRNG (mulberry32), so that a failing seed replays the same catalog. */
function mulberry32(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

/** The names each kind draws from: small pools, so that refs often dangle and later resolve. */
const POOLS = {
  component: [...range('svc', 10), 'lib-0', 'gw-0'],
  opsComponent: range('ops', 2), // in namespace `ops`
  group: [...range('team', 4), 'guild'],
  user: range('user', 8),
  api: range('api', 6),
  resource: [...range('db', 6), ...range('cluster', 2), 'lb-0'],
};

const TIERS = ['critical', 'high', 'medium', 'low', 'Critical', 'vital'];
const SLOS = ['99', '99.5', '99.9', '99.95', '99.99', '100', '99.9%', 'high'];
const KEEPALIVES = ['30', '45', '60', '60', '75', '90', 'long'];
const RUNBOOK_OK = '# Runbook\n## Diagnosis\n## Mitigation\n## Escalation\n';

/** The `spec.type`s an entity may take, by the prefix of its name (repeats weigh more). */
const TYPES: Record<string, string[]> = {
  svc: ['service', 'service', 'service', 'worker'],
  ops: ['service', 'service', 'service', 'worker'],
  lib: ['library', 'service'],
  gw: ['gateway', 'service'],
  db: ['database', 'database', 'database', 'cache'],
  cluster: ['database-cluster', 'database-cluster', 'database'],
  lb: ['load-balancer'],
};

function typesOf(name: string): string[] {
  return TYPES[name.slice(0, name.indexOf('-'))];
}

function range(prefix: string, n: number): string[] {
  return Array.from({ length: n }, (_, i) => `${prefix}-${i}`);
}

type Setter = (e: Entity, input: SnapshotInput) => void;

/**
 * A random catalog of services, teams, users, APIs (small OpenAPI documents, other types, broken
 * text), databases, clusters and a load balancer, and random mutations of it: entities added,
 * removed, replaced or changed in one field (owner, members, tier, SLO, dependsOn, APIs, soft
 * dependencies, definition text, database cluster, annotations, types). Seeded: the same seed
 * gives the same catalog and the same mutations.
 */
export class RandomCatalog {
  readonly #random: () => number;
  readonly #inputs = new Map<string, SnapshotInput>();
  /** What the last `mutate` did, for failure messages. */
  lastChange: string[] = [];

  constructor(seed: number, initialShare = 0.8) {
    this.#random = mulberry32(seed);
    for (const ref of allRefs()) {
      if (this.#chance(initialShare)) this.#inputs.set(ref, this.#create(ref));
    }
  }

  /** The catalog as the loader would hand it over. */
  inputs(): SnapshotInput[] {
    return [...this.#inputs.values()];
  }

  get(ref: string): SnapshotInput | undefined {
    return this.#inputs.get(ref);
  }

  /**
   * Applies one to three random changes (a batch, as several catalog events between two
   * evaluations) and returns the refs of the entities added, removed or modified.
   */
  mutate(): string[] {
    const count = this.#chance(0.7) ? 1 : 2 + Math.floor(this.#random() * 2);
    const changed = new Set<string>();
    this.lastChange = [];
    for (let i = 0; i < count; i++) {
      const ref = this.#pick(allRefs());
      const existing = this.#inputs.get(ref);
      const roll = this.#random();
      if (!existing) {
        this.#inputs.set(ref, this.#create(ref));
        this.lastChange.push(`add ${ref}`);
      } else if (roll < 0.12) {
        this.#inputs.delete(ref);
        this.lastChange.push(`remove ${ref}`);
      } else if (roll < 0.2) {
        this.#inputs.set(ref, this.#create(ref));
        this.lastChange.push(`replace ${ref}`);
      } else {
        // A new object, as the catalog hands over a new entity after an edit.
        const input = structuredClone(existing);
        const setters = this.#settersFor(input.entity);
        const index = Math.floor(this.#random() * setters.length);
        setters[index][1](input.entity, input);
        this.#inputs.set(ref, input);
        this.lastChange.push(`set ${setters[index][0]} of ${ref}`);
      }
      changed.add(ref);
    }
    return [...changed];
  }

  #chance(p: number): boolean {
    return this.#random() < p;
  }

  #pick<T>(items: readonly T[]): T {
    return items[Math.floor(this.#random() * items.length)];
  }

  /** Up to `max` distinct items. */
  #some<T>(items: readonly T[], max: number): T[] {
    const n = Math.floor(this.#random() * (max + 1));
    return [...new Set(Array.from({ length: n }, () => this.#pick(items)))];
  }

  #create(ref: string): SnapshotInput {
    const [kind, rest] = ref.split(':');
    const [namespace, name] = rest.split('/');
    const entity: Entity = {
      apiVersion: 'backstage.io/v1alpha1',
      kind:
        { component: 'Component', group: 'Group', user: 'User' }[kind] ??
        (kind === 'api' ? 'API' : 'Resource'),
      metadata: {
        name,
        ...(namespace === 'default' ? {} : { namespace }),
        annotations: {},
      },
      spec: {},
    };
    const input: SnapshotInput = { entity };
    const setters = this.#settersFor(entity, name);
    for (const [, set] of setters) set(entity, input);
    return input;
  }

  /** What can change on an entity of this kind, one setter per field. */
  #settersFor(entity: Entity, name = entity.metadata.name): [string, Setter][] {
    const spec = (e: Entity) => e.spec as Record<string, unknown>;
    const annotation =
      (key: string, values: () => string | undefined): Setter =>
      e => {
        const value = values();
        if (value === undefined) delete e.metadata.annotations![key];
        else e.metadata.annotations![key] = value;
      };
    const field =
      (key: string, values: () => unknown): Setter =>
      e => {
        const value = values();
        if (value === undefined) delete spec(e)[key];
        else spec(e)[key] = value;
      };
    const owner = field('owner', () =>
      this.#pick([
        ...POOLS.group,
        'group:default/team-1',
        'user-0',
        'team-9',
        undefined,
      ]),
    );

    switch (entity.kind) {
      case 'Component':
        return [
          ['type', field('type', () => this.#pick(typesOf(name)))],
          ['owner', owner],
          [
            'lifecycle',
            field('lifecycle', () =>
              this.#pick(['production', 'experimental']),
            ),
          ],
          ['system', field('system', () => this.#pick(['shop', undefined]))],
          [
            'title',
            e => {
              if (this.#chance(0.5)) e.metadata.title = `The ${name}`;
              else delete e.metadata.title;
            },
          ],
          ['dependsOn', field('dependsOn', () => this.#dependsOn())],
          [
            'providesApis',
            field('providesApis', () => this.#some(this.#apiRefs(), 2)),
          ],
          [
            'consumesApis',
            field('consumesApis', () => this.#some(this.#apiRefs(), 3)),
          ],
          ['tier', annotation('mandate.dev/tier', () => this.#pick(TIERS))],
          ['slo', annotation('mandate.dev/slo', () => this.#pick(SLOS))],
          [
            'soft-dependencies',
            (e, input) =>
              annotation('mandate.dev/soft-dependencies', () => {
                const candidates = [
                  ...((spec(e).dependsOn as string[] | undefined) ?? []),
                  ...((spec(e).consumesApis as string[] | undefined) ?? []),
                  ...this.#componentRefs(),
                ];
                const soft = this.#some(candidates, 3);
                return soft.length > 0 ? soft.join(', ') : undefined;
              })(e, input),
          ],
          [
            'on-call',
            annotation('mandate.dev/on-call', () =>
              this.#pick([...POOLS.group, 'group:default/team-2', undefined]),
            ),
          ],
          [
            'keepalive-timeout',
            annotation('mandate.dev/keepalive-timeout', () =>
              this.#pick([...KEEPALIVES, undefined]),
            ),
          ],
          [
            'key-metrics',
            annotation('mandate.dev/key-metrics', () =>
              this.#pick(['availability,latency', 'a,b,c,d,e,f,g,h', ' ']),
            ),
          ],
          [
            'dashboard',
            annotation('mandate.dev/dashboard', () =>
              this.#pick(['https://grafana.example.com/d/1', 'ftp://x', '']),
            ),
          ],
          [
            'platform-template',
            annotation('mandate.dev/platform-template', () =>
              this.#pick(['node-22', 'legacy-vm', undefined]),
            ),
          ],
          [
            'runbook',
            (e, input) => {
              const choice = this.#pick(['url', 'file', 'broken', 'none']);
              delete input.runbook;
              if (choice === 'none') {
                delete e.metadata.annotations!['mandate.dev/runbook'];
                return;
              }
              e.metadata.annotations!['mandate.dev/runbook'] =
                choice === 'url' ? 'https://wiki.example.com/rb' : './rb.md';
              if (choice === 'file')
                input.runbook = { path: './rb.md', text: RUNBOOK_OK };
              if (choice === 'broken')
                input.runbook = { path: './rb.md', text: '# Notes\n' };
            },
          ],
        ];
      case 'Group':
        return [
          [
            'type',
            field('type', () => this.#pick(['team', 'team', 'department'])),
          ],
          ['children', field('children', () => [])],
          [
            'members',
            field('members', () => [
              ...this.#some(POOLS.user, 3),
              // Listed members count even when no such User exists: make teams too big.
              ...(this.#chance(0.15) ? range('contractor', 16) : []),
            ]),
          ],
        ];
      case 'User':
        return [
          [
            'memberOf',
            field('memberOf', () =>
              this.#some([...POOLS.group, 'group:default/team-3'], 2),
            ),
          ],
        ];
      case 'API':
        return [
          [
            'type',
            field('type', () =>
              this.#pick(['openapi', 'openapi', 'OpenAPI', 'asyncapi', 'grpc']),
            ),
          ],
          ['owner', owner],
          ['lifecycle', field('lifecycle', () => 'production')],
          ['definition', field('definition', () => this.#definition())],
          [
            'rate-limit',
            annotation('mandate.dev/rate-limit', () =>
              this.#pick(['100/min', undefined, undefined]),
            ),
          ],
          [
            'definitionReadError',
            (_, input) => {
              if (this.#chance(0.1))
                input.definitionReadError = 'spec.yaml is missing';
              else delete input.definitionReadError;
            },
          ],
        ];
      default:
        return [
          ['type', field('type', () => this.#pick(typesOf(name)))],
          ['owner', owner],
          [
            'dependsOn',
            field('dependsOn', () => {
              if (name.startsWith('db'))
                return this.#some(
                  [...range('resource:cluster', 2), 'resource:db-0'],
                  2,
                );
              if (name.startsWith('lb'))
                return this.#some(this.#componentRefs(), 2);
              return undefined;
            }),
          ],
          [
            'keepalive-timeout',
            annotation('mandate.dev/keepalive-timeout', () =>
              name.startsWith('lb') ? this.#pick(KEEPALIVES) : undefined,
            ),
          ],
        ];
    }
  }

  /** Refs written the ways catalogs write them: short, full, for another namespace. */
  #componentRefs(): string[] {
    return [
      ...POOLS.component,
      'component:default/svc-1',
      'component:ops/ops-0',
      'component:ops/ops-1',
      'svc-42',
    ];
  }

  #apiRefs(): string[] {
    return [...POOLS.api, 'api:default/api-1', 'api-9'];
  }

  #dependsOn(): string[] {
    return [
      ...this.#some(this.#componentRefs(), 3),
      ...this.#some(
        [...range('resource:db', 6), 'resource:cluster-0', 'resource:lb-0'],
        2,
      ),
    ];
  }

  /** A small API definition: OpenAPI with or without each good practice, or something else. */
  #definition(): string {
    const kind = this.#pick(['openapi', 'openapi', 'openapi', 'other']);
    if (kind === 'other') {
      return this.#pick([
        'asyncapi: 2.6.0\nchannels:\n  orders: {}\n',
        'syntax = "proto3";\nservice Orders { rpc Get (A) returns (B); }\n',
        'openapi: [unclosed',
        '',
      ]);
    }
    const header = this.#chance(0.8)
      ? '\n    parameters: [{ name: X-Request-ID, in: header, schema: { type: string } }]'
      : '';
    const security = this.#chance(0.8)
      ? '\n      security: [{ oauth: [] }]'
      : '';
    const limited = this.#chance(0.5)
      ? "\n        '429': { description: slow down }"
      : '';
    const body = this.#chance(0.85)
      ? '{ id: { type: string } }'
      : '{ success: { type: boolean } }';
    const errors = this.#chance(0.85)
      ? "\n        '500': { description: broken, content: { application/problem+json: { schema: { type: object } } } }"
      : '';
    return `openapi: 3.0.3
info: { title: Random, version: ${this.#pick(['1.0.0', '2.1', 'v1'])} }
components:
  securitySchemes:
    oauth: { type: http, scheme: bearer }
paths:
  /items:${header}
    get:${security}
      responses:
        '200': { description: ok, content: { application/json: { schema: { type: object, properties: ${body} } } } }${limited}${errors}
`;
  }
}

function allRefs(): string[] {
  return [
    ...POOLS.component.map(name => `component:default/${name}`),
    ...POOLS.opsComponent.map(name => `component:ops/${name}`),
    ...POOLS.group.map(name => `group:default/${name}`),
    ...POOLS.user.map(name => `user:default/${name}`),
    ...POOLS.api.map(name => `api:default/${name}`),
    ...POOLS.resource.map(name => `resource:default/${name}`),
  ];
}
