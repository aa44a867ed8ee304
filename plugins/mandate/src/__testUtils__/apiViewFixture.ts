import { Entity } from '@backstage/catalog-model';
import { ApiMandateView, RuleFix } from '@mandate-dev/plugin-mandate-common';

export const ordersApiEntity: Entity = {
  apiVersion: 'backstage.io/v1alpha1',
  kind: 'API',
  metadata: { name: 'orders-api', namespace: 'default' },
  spec: { type: 'openapi', owner: 'group:default/checkout-team' },
};

const securityFix: RuleFix = {
  text: 'Declare the security of GET /orders in orders-api.',
  snippet:
    'paths:\n  /orders:\n    get:\n      security:\n        - oauth: []\n',
  language: 'yaml',
  entityRef: 'api:default/orders-api',
  target: 'definition',
};

/** orders-api provided by orders and inventory: GET /orders has no security. */
export const ordersApiView: ApiMandateView = {
  entityRef: 'api:default/orders-api',
  providers: ['component:default/orders', 'component:default/inventory'],
  consumers: ['component:default/storefront'],
  operations: [
    {
      findings: [
        {
          ruleId: 'api.versioned',
          status: 'error',
          serviceRef: 'component:default/orders',
          message: 'api:default/orders-api could not be evaluated',
        },
      ],
    },
    {
      pointer: '/paths/~1orders/get',
      method: 'get',
      path: '/orders',
      findings: ['component:default/orders', 'component:default/inventory'].map(
        serviceRef => ({
          ruleId: 'api.security',
          status: 'fail' as const,
          serviceRef,
          message: '1 of 1 API fails: GET /orders declares no security',
          evidence: ['api:default/orders-api: GET /orders has no security'],
          fix: securityFix,
          line: 7,
        }),
      ),
    },
  ],
};
