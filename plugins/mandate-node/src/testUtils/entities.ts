import { Entity } from '@backstage/catalog-model';

/** Small builders for catalog entities in tests; only what a test names is set. */

/** An OpenAPI document that passes every api.* rule. */
export const OPENAPI_OK = `openapi: 3.0.3
info: { title: Orders, version: 1.2.0 }
security: [{ oauth: [] }]
components:
  securitySchemes:
    oauth: { type: http, scheme: bearer }
  parameters:
    RequestId: { name: X-Request-ID, in: header, required: true, schema: { type: string } }
  schemas:
    Problem:
      type: object
      properties: { title: { type: string }, status: { type: integer } }
paths:
  /orders:
    parameters: [{ $ref: '#/components/parameters/RequestId' }]
    get:
      responses:
        '200': { description: ok, content: { application/json: { schema: { type: object, properties: { id: { type: string } } } } } }
        '429': { description: slow down, content: { application/problem+json: { schema: { $ref: '#/components/schemas/Problem' } } } }
        '500': { description: broken, content: { application/problem+json: { schema: { $ref: '#/components/schemas/Problem' } } } }
`;

/** An OpenAPI document whose only operation reports errors in a 200 body and has no 4XX/5XX. */
export const OPENAPI_200_ERROR = `openapi: 3.0.3
info: { title: Legacy, version: v1 }
paths:
  /legacy:
    post:
      responses:
        '200':
          description: ok
          content:
            application/json:
              schema: { type: object, properties: { success: { type: boolean }, data: { type: string } } }
`;

type Annotations = Record<string, string>;

function entity(
  kind: string,
  name: string,
  spec: Record<string, unknown>,
  annotations: Annotations = {},
  namespace?: string,
): Entity {
  return {
    apiVersion: 'backstage.io/v1alpha1',
    kind,
    metadata: { name, ...(namespace ? { namespace } : {}), annotations },
    spec: spec as Entity['spec'],
  };
}

export function service(
  name: string,
  spec: Record<string, unknown> = {},
  annotations: Annotations = {},
  namespace?: string,
): Entity {
  return entity(
    'Component',
    name,
    { type: 'service', lifecycle: 'production', owner: 'team-a', ...spec },
    annotations,
    namespace,
  );
}

export function team(
  name: string,
  members: unknown = ['alice'],
  spec: Record<string, unknown> = {},
): Entity {
  return entity('Group', name, {
    type: 'team',
    children: [],
    members,
    ...spec,
  });
}

export function user(name: string, memberOf: unknown = []): Entity {
  return entity('User', name, { memberOf });
}

export function api(
  name: string,
  spec: Record<string, unknown> = {},
  annotations: Annotations = {},
): Entity {
  return entity(
    'API',
    name,
    {
      type: 'openapi',
      lifecycle: 'production',
      owner: 'team-a',
      definition: OPENAPI_OK,
      ...spec,
    },
    annotations,
  );
}

export function resource(
  name: string,
  type: string,
  spec: Record<string, unknown> = {},
  annotations: Annotations = {},
): Entity {
  return entity(
    'Resource',
    name,
    { type, owner: 'team-a', ...spec },
    annotations,
  );
}
