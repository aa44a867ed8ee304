import { mockCredentials, mockServices } from '@backstage/backend-test-utils';
import {
  catalogEntityDeletePermission,
  catalogEntityReadPermission,
  catalogEntityRefreshPermission,
  catalogLocationCreatePermission,
  catalogLocationDeletePermission,
} from '@backstage/plugin-catalog-common/alpha';
import {
  AuthorizeResult,
  createPermission,
  Permission,
} from '@backstage/plugin-permission-common';
import {
  mandateCampaignManagePermission,
  mandateEvaluatePermission,
  mandateWaiverApprovePermission,
  mandateWaiverCreatePermission,
  mandateWaiverRevokePermission,
} from '@mandate-dev/plugin-mandate-common';
import { MandatePermissionPolicy } from './MandatePermissionPolicy';

const ALICE = 'user:default/alice';
const CHECKOUT = 'group:default/checkout-team';
const PLATFORM = 'group:default/Platform-Team';

/** A user whose ownership refs are `ownershipEntityRefs`, as the user-info service gives them. */
function userWith(ownershipEntityRefs: string[]) {
  const credentials = mockCredentials.user(ALICE);
  return {
    user: {
      credentials,
      info: { userEntityRef: ALICE, ownershipEntityRefs },
    },
    userInfo: mockServices.userInfo({
      userEntityRef: ALICE,
      ownershipEntityRefs,
    }),
  };
}

function decide(
  permission: Permission,
  ownershipEntityRefs: string[],
  adminGroup?: string,
) {
  const { user, userInfo } = userWith(ownershipEntityRefs);
  return new MandatePermissionPolicy({ adminGroup, userInfo }).handle(
    { permission },
    user,
  );
}

const scaffolderTaskCreate = createPermission({
  name: 'scaffolder.task.create',
  attributes: { action: 'create' },
});
const scaffolderTemplateManagement = createPermission({
  name: 'scaffolder.template.management',
  attributes: {},
});
/** A permission that does not say what it does. */
const withoutAction = createPermission({
  name: 'example.something.do',
  attributes: {},
});

describe('MandatePermissionPolicy', () => {
  it('lets members of the admin group do anything (the group ref is matched in full, ignoring case)', async () => {
    const member = [ALICE, 'group:default/platform-team'];
    for (const permission of [
      mandateWaiverCreatePermission,
      mandateWaiverApprovePermission,
      mandateWaiverRevokePermission,
      mandateEvaluatePermission,
      mandateCampaignManagePermission,
      catalogEntityDeletePermission,
      catalogLocationCreatePermission,
      scaffolderTaskCreate,
      withoutAction,
    ]) {
      expect(await decide(permission, member, PLATFORM)).toEqual({
        result: AuthorizeResult.ALLOW,
      });
    }
    // A short ref names a group in the default namespace.
    expect(await decide(withoutAction, member, 'platform-team')).toEqual({
      result: AuthorizeResult.ALLOW,
    });
  });

  it("makes Mandate's permissions conditional on owning the service, with the user's ownership refs", async () => {
    for (const permission of [
      mandateWaiverCreatePermission,
      mandateWaiverRevokePermission,
      mandateEvaluatePermission,
    ]) {
      expect(await decide(permission, [ALICE, CHECKOUT], PLATFORM)).toEqual({
        result: AuthorizeResult.CONDITIONAL,
        pluginId: 'catalog',
        resourceType: 'catalog-entity',
        conditions: {
          rule: 'IS_ENTITY_OWNER',
          resourceType: 'catalog-entity',
          params: { claims: [ALICE, CHECKOUT] },
        },
      });
    }
  });

  it('lets owners request waivers but never approve or deny them, not even on their own services', async () => {
    expect(
      await decide(mandateWaiverApprovePermission, [ALICE, CHECKOUT], PLATFORM),
    ).toEqual({ result: AuthorizeResult.DENY });
    expect(
      await decide(mandateWaiverApprovePermission, [ALICE, CHECKOUT]),
    ).toEqual({ result: AuthorizeResult.DENY });
    expect(
      (await decide(mandateWaiverCreatePermission, [ALICE, CHECKOUT], PLATFORM))
        .result,
    ).toBe(AuthorizeResult.CONDITIONAL);
  });

  it('lets only admins manage campaigns, which span teams: owning a team is not enough', async () => {
    expect(
      await decide(
        mandateCampaignManagePermission,
        [ALICE, CHECKOUT],
        PLATFORM,
      ),
    ).toEqual({ result: AuthorizeResult.DENY });
    expect(
      await decide(
        mandateCampaignManagePermission,
        [ALICE, 'group:default/platform-team'],
        PLATFORM,
      ),
    ).toEqual({ result: AuthorizeResult.ALLOW });
  });

  it('allows read permissions to every signed-in user, so the portal stays usable', async () => {
    expect(
      await decide(catalogEntityReadPermission, [ALICE], PLATFORM),
    ).toEqual({
      result: AuthorizeResult.ALLOW,
    });
    const read = createPermission({
      name: 'scaffolder.task.read',
      attributes: { action: 'read' },
    });
    expect(await decide(read, [ALICE], PLATFORM)).toEqual({
      result: AuthorizeResult.ALLOW,
    });
  });

  it('allows what onboarding a service through a template needs', async () => {
    for (const name of [
      'scaffolder.task.create',
      'scaffolder.action.execute',
      'scaffolder.task.cancel',
    ]) {
      const permission = createPermission({ name, attributes: {} });
      expect(await decide(permission, [ALICE], PLATFORM)).toEqual({
        result: AuthorizeResult.ALLOW,
      });
    }
    expect(
      await decide(catalogLocationCreatePermission, [ALICE], PLATFORM),
    ).toEqual({ result: AuthorizeResult.ALLOW });
  });

  it('denies every other create, update and delete permission, and those that do not say they read', async () => {
    for (const permission of [
      catalogEntityDeletePermission,
      catalogEntityRefreshPermission,
      catalogLocationDeletePermission,
      scaffolderTemplateManagement,
      withoutAction,
    ]) {
      expect(await decide(permission, [ALICE, CHECKOUT], PLATFORM)).toEqual({
        result: AuthorizeResult.DENY,
      });
    }
  });

  it('has no admins without an admin group, and refuses requests without a user', async () => {
    expect(
      await decide(catalogEntityDeletePermission, [
        ALICE,
        'group:default/platform-team',
      ]),
    ).toEqual({
      result: AuthorizeResult.DENY,
    });
    const policy = new MandatePermissionPolicy({
      adminGroup: PLATFORM,
      userInfo: mockServices.userInfo(),
    });
    expect(
      await policy.handle({ permission: catalogEntityReadPermission }),
    ).toEqual({
      result: AuthorizeResult.DENY,
    });
  });
});
