import { Tier } from './status';

/**
 * The four layers a request passes through (rulebook section 1): the access layer (gateways,
 * load balancers, CDNs), the services, their databases (data) and the database clusters below
 * them (infrastructure).
 *
 * @public
 */
export type RequestPathLayer = 'access' | 'service' | 'data' | 'infrastructure';

/** One hop of a request path and the facts the layers must agree on. @public */
export interface RequestPathNode {
  entityRef: string;
  /** Lower-case kind. */
  kind: string;
  /** `spec.type`, e.g. `load-balancer`, `service`, `database`. */
  type: string | null;
  layer: RequestPathLayer;
  /** `metadata.title`, else `metadata.name`: what Backstage shows for the entity. */
  title: string;
  tier: Tier | null;
  slo: number | null;
  /**
   * `mandate.dev/platform-template`; `approved` is null when `mandate.platformTemplates` is not
   * configured (the approved-template rule is then not applicable).
   */
  platformTemplate: { name: string; approved: boolean | null } | null;
  /** `mandate.dev/keepalive-timeout` as declared (seconds, possibly not a number). */
  keepaliveTimeout: string | null;
}

/** A call from one hop to the next. @public */
export interface RequestPathEdge {
  from: string;
  to: string;
  /** The caller survives losing the callee (`mandate.dev/soft-dependencies`). */
  soft: boolean;
  /** Why the keep-alive timeouts of this `dependsOn` edge break the keep-alive rule. */
  keepaliveProblem?: string;
  /** A hard service edge to a less critical tier, or to a service with no tier. */
  tierInversion?: boolean;
}

/** GET /request-path/{entityRef}: the request path through a service or an access-layer entity. @public */
export interface RequestPathView {
  entityRef: string;
  nodes: RequestPathNode[];
  edges: RequestPathEdge[];
  /** True when the walk stopped at its bounds and some hops are not shown. */
  truncated: boolean;
}
