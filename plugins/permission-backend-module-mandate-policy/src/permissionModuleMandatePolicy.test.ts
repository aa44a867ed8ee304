import request from 'supertest';
import {
  BackstageUserPrincipal,
  coreServices,
  createBackendModule,
  createServiceFactory,
  HttpAuthService,
} from '@backstage/backend-plugin-api';
import {
  mockCredentials,
  mockServices,
  startTestBackend,
} from '@backstage/backend-test-utils';
import { Entity } from '@backstage/catalog-model';
import catalogPlugin from '@backstage/plugin-catalog-backend';
import permissionPlugin from '@backstage/plugin-permission-backend';
import { catalogProcessingExtensionPoint } from '@backstage/plugin-catalog-node';
import { catalogEntityDeletePermission } from '@backstage/plugin-catalog-common/alpha';
import { Permission } from '@backstage/plugin-permission-common';
import {
  mandateEvaluatePermission,
  mandateWaiverCreatePermission,
} from '@mandate-dev/plugin-mandate-common';
import { permissionModuleMandatePolicy } from './permissionModuleMandatePolicy';

jest.setTimeout(60_000);

const ALICE = 'user:default/alice';
const ADMIN = 'user:default/admin';

function component(name: string, owner: string): Entity {
  return {
    apiVersion: 'backstage.io/v1alpha1',
    kind: 'Component',
    metadata: {
      name,
      annotations: {
        'backstage.io/managed-by-location':
          'url:https://example.com/catalog.yaml',
        'backstage.io/managed-by-origin-location':
          'url:https://example.com/catalog.yaml',
      },
    },
    spec: { type: 'service', lifecycle: 'production', owner },
  };
}

/** orders belongs to Alice's team, recommendations to another one. */
const catalogModuleTestEntities = createBackendModule({
  pluginId: 'catalog',
  moduleId: 'test-entities',
  register(reg) {
    reg.registerInit({
      deps: { catalog: catalogProcessingExtensionPoint },
      async init({ catalog }) {
        catalog.addEntityProvider({
          getProviderName: () => 'test-entities',
          connect: async connection => {
            await connection.applyMutation({
              type: 'full',
              entities: [
                component('orders', 'group:default/checkout-team'),
                component('recommendations', 'group:default/search-team'),
              ].map(entity => ({ entity, locationKey: 'test-entities' })),
            });
          },
        });
      },
    });
  },
});

/** Group membership as the catalog would give it. */
const userInfo = mockServices.userInfo.mock({
  async getUserInfo(credentials) {
    const userEntityRef = (credentials.principal as BackstageUserPrincipal)
      .userEntityRef;
    const groups =
      userEntityRef === ADMIN
        ? ['group:default/platform-team']
        : ['group:default/checkout-team'];
    return { userEntityRef, ownershipEntityRefs: [userEntityRef, ...groups] };
  },
});

/**
 * The mock http-auth service reads a token that a plugin sends on behalf of a user as that user
 * without the sending plugin as actor; real tokens keep it, and the catalog's apply-conditions
 * endpoint accepts users only with an actor (the permission backend asking for them).
 */
const httpAuthKeepingActor = createServiceFactory({
  service: coreServices.httpAuth,
  deps: { plugin: coreServices.pluginMetadata },
  factory({ plugin }): HttpAuthService {
    const httpAuth = mockServices.httpAuth({ pluginId: plugin.getId() });
    return {
      issueUserCookie: httpAuth.issueUserCookie.bind(httpAuth),
      credentials: (async (req, options) => {
        const credentials = await httpAuth.credentials(req, options);
        const onBehalf = req.headers.authorization?.startsWith(
          'Bearer mock-service-token:',
        );
        if (
          onBehalf &&
          (credentials.principal as { type: string }).type === 'user'
        ) {
          const { userEntityRef } =
            credentials.principal as BackstageUserPrincipal;
          return mockCredentials.user(userEntityRef, {
            actor: { subject: 'plugin:permission' },
          });
        }
        return credentials;
      }) as HttpAuthService['credentials'],
    };
  },
});

describe('the Mandate policy in the real permission framework', () => {
  it('lets owners waive their own services only, and admins anything, resolved by the catalog', async () => {
    const { server } = await startTestBackend({
      features: [
        permissionPlugin,
        permissionModuleMandatePolicy,
        catalogPlugin,
        catalogModuleTestEntities,
        userInfo.factory,
        httpAuthKeepingActor,
        mockServices.rootConfig.factory({
          data: {
            permission: { enabled: true },
            mandate: {
              permissions: { adminGroup: 'group:default/platform-team' },
            },
          },
        }),
      ],
    });
    const authorize = async (
      user: string,
      permission: Permission,
      resourceRef?: string,
    ) => {
      const response = await request(server)
        .post('/api/permission/authorize')
        // As Mandate's backend asks: a plugin on behalf of the signed-in user.
        .set(
          'Authorization',
          mockCredentials.service.header({
            onBehalfOf: mockCredentials.user(user),
            targetPluginId: 'permission',
          }),
        )
        .send({
          items: [
            { id: '1', permission, ...(resourceRef ? { resourceRef } : {}) },
          ],
        });
      expect(response.status).toBe(200);
      return response.body.items[0].result as string;
    };

    // The catalog ingests the entities in the background: wait until it knows orders' owner.
    let own = 'DENY';
    for (let i = 0; i < 100 && own !== 'ALLOW'; i++) {
      own = await authorize(
        ALICE,
        mandateWaiverCreatePermission,
        'component:default/orders',
      );
      if (own !== 'ALLOW')
        await new Promise(resolve => setTimeout(resolve, 200));
    }
    expect(own).toBe('ALLOW');
    expect(
      await authorize(
        ALICE,
        mandateWaiverCreatePermission,
        'component:default/recommendations',
      ),
    ).toBe('DENY');
    expect(
      await authorize(
        ALICE,
        mandateEvaluatePermission,
        'component:default/orders',
      ),
    ).toBe('ALLOW');
    // Without a resource the decision stays conditional: Mandate allows a full evaluation only
    // on an unconditional allow.
    expect(await authorize(ALICE, mandateEvaluatePermission)).toBe(
      'CONDITIONAL',
    );
    expect(
      await authorize(
        ALICE,
        catalogEntityDeletePermission,
        'component:default/orders',
      ),
    ).toBe('DENY');

    expect(
      await authorize(
        ADMIN,
        mandateWaiverCreatePermission,
        'component:default/recommendations',
      ),
    ).toBe('ALLOW');
    expect(await authorize(ADMIN, mandateEvaluatePermission)).toBe('ALLOW');
  });
});
