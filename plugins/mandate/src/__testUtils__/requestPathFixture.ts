import { Entity } from '@backstage/catalog-model';
import {
  RequestPathNode,
  RequestPathView,
} from '@mandate-dev/plugin-mandate-common';

export const storefrontEntity: Entity = {
  apiVersion: 'backstage.io/v1alpha1',
  kind: 'Component',
  metadata: { name: 'storefront', namespace: 'default' },
  spec: { type: 'service', owner: 'group:default/web-team' },
};

const hop = (
  entityRef: string,
  facts: Partial<RequestPathNode> & Pick<RequestPathNode, 'layer' | 'title'>,
): RequestPathNode => ({
  entityRef,
  kind: entityRef.split(':')[0],
  type: null,
  tier: null,
  slo: null,
  platformTemplate: null,
  keepaliveTimeout: null,
  ...facts,
});

/** The demo's storefront path, cut down: the 75 s load balancer in front of a 60 s service. */
export const requestPath: RequestPathView = {
  entityRef: 'component:default/storefront',
  nodes: [
    hop('resource:default/storefront-lb', {
      layer: 'access',
      type: 'load-balancer',
      title: 'storefront-lb',
      keepaliveTimeout: '75',
    }),
    hop('component:default/storefront', {
      layer: 'service',
      type: 'service',
      title: 'Storefront',
      tier: 'critical',
      slo: 99.95,
      platformTemplate: { name: 'node-22-express', approved: true },
      keepaliveTimeout: '60',
    }),
    hop('component:default/checkout', {
      layer: 'service',
      type: 'service',
      title: 'checkout',
      tier: 'critical',
      slo: 99.95,
      platformTemplate: { name: 'java-21-springboot', approved: true },
    }),
    hop('component:default/recommendations', {
      layer: 'service',
      type: 'service',
      title: 'recommendations',
      tier: 'low',
      slo: 99,
      platformTemplate: { name: 'python-3.12-fastapi', approved: false },
    }),
    hop('resource:default/checkout-db', {
      layer: 'data',
      type: 'database',
      title: 'checkout-db',
    }),
    hop('resource:default/pg-core', {
      layer: 'infrastructure',
      type: 'database-cluster',
      title: 'pg-core',
    }),
  ],
  edges: [
    {
      from: 'component:default/checkout',
      to: 'component:default/recommendations',
      soft: false,
      tierInversion: true,
    },
    {
      from: 'component:default/checkout',
      to: 'resource:default/checkout-db',
      soft: false,
    },
    {
      from: 'component:default/storefront',
      to: 'component:default/checkout',
      soft: false,
    },
    {
      from: 'component:default/storefront',
      to: 'component:default/recommendations',
      soft: true,
    },
    {
      from: 'resource:default/checkout-db',
      to: 'resource:default/pg-core',
      soft: false,
    },
    {
      from: 'resource:default/storefront-lb',
      to: 'component:default/storefront',
      soft: false,
      keepaliveProblem:
        'keep-alive 75 s >= 60 s: storefront-lb must drop idle connections before storefront closes them',
    },
  ],
  truncated: false,
};
