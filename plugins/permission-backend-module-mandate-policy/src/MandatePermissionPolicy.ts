import { UserInfoService } from '@backstage/backend-plugin-api';
import { parseEntityRef, stringifyEntityRef } from '@backstage/catalog-model';
import { Config } from '@backstage/config';
import {
  catalogConditions,
  createCatalogConditionalDecision,
} from '@backstage/plugin-catalog-backend/alpha';
import {
  AuthorizeResult,
  isReadPermission,
  isResourcePermission,
  PolicyDecision,
} from '@backstage/plugin-permission-common';
import {
  PermissionPolicy,
  PolicyQuery,
  PolicyQueryUser,
} from '@backstage/plugin-permission-node';
import {
  mandateCampaignManagePermission,
  mandatePermissions,
  mandateWaiverApprovePermission,
} from '@mandate-dev/plugin-mandate-common';

/**
 * Mandate's permissions that owners hold on their own services. Approving a waiver is not one
 * of them: an owner requests, someone else (an admin) decides, so nobody waives their own
 * service's rules alone.
 */
const OWNER_PERMISSION_NAMES = new Set(
  mandatePermissions
    .filter(p => p.name !== mandateWaiverApprovePermission.name)
    .map(p => p.name),
);

/**
 * What a team needs to onboard a new service through a software template (Mandate's gold
 * template): run the task and its actions, cancel it, and register the repository it
 * publishes (`catalog:register`). Onboarding is how services become compliant, so it is not
 * reserved to admins; `mandate:check` still refuses a service below the required level.
 */
const ONBOARDING_PERMISSION_NAMES = new Set([
  'scaffolder.task.create',
  'scaffolder.action.execute',
  'scaffolder.task.cancel',
  'catalog.location.create',
]);

/** @public */
export interface MandatePermissionPolicyOptions {
  /** Members of this group (a group ref) may do anything; without it nobody is an admin. */
  adminGroup?: string;
  /** Gives the user's ownership refs: the user and the groups they belong to. */
  userInfo: UserInfoService;
}

/**
 * A portal closed by default:
 * - members of the admin group may do anything;
 * - Mandate's waiver and evaluation permissions are allowed on the services the user owns
 *   (the catalog's isEntityOwner rule, resolved by the catalog per entity), so owners may
 *   request and revoke waivers of their own services' rules and re-evaluate them; approving or
 *   denying a waiver request (`mandate.waiver.approve`) and a full evaluation stay with admins;
 * - campaigns span teams, so only admins create, edit and archive them;
 * - every other read permission is allowed to signed-in users, so the portal stays usable,
 *   and so are the few permissions onboarding a service through a template needs;
 * - everything else (every create, update and delete permission, and any permission that does
 *   not say it only reads) is denied.
 *
 * @public
 */
export class MandatePermissionPolicy implements PermissionPolicy {
  readonly #adminGroup?: string;
  readonly #userInfo: UserInfoService;

  static fromConfig(config: Config, options: { userInfo: UserInfoService }) {
    return new MandatePermissionPolicy({
      adminGroup: config.getOptionalString('mandate.permissions.adminGroup'),
      userInfo: options.userInfo,
    });
  }

  constructor(options: MandatePermissionPolicyOptions) {
    this.#adminGroup = options.adminGroup
      ? normaliseRef(options.adminGroup)
      : undefined;
    this.#userInfo = options.userInfo;
  }

  async handle(
    request: PolicyQuery,
    user?: PolicyQueryUser,
  ): Promise<PolicyDecision> {
    // Service-to-service calls never reach a policy; a request without a user is refused.
    if (!user) return { result: AuthorizeResult.DENY };
    const { ownershipEntityRefs } = await this.#userInfo.getUserInfo(
      user.credentials,
    );
    const claims = ownershipEntityRefs.map(normaliseRef);
    if (this.#adminGroup && claims.includes(this.#adminGroup)) {
      return { result: AuthorizeResult.ALLOW };
    }
    const { permission } = request;
    if (
      permission.name === mandateWaiverApprovePermission.name ||
      permission.name === mandateCampaignManagePermission.name
    ) {
      return { result: AuthorizeResult.DENY };
    }
    if (OWNER_PERMISSION_NAMES.has(permission.name)) {
      if (!isResourcePermission(permission, 'catalog-entity')) {
        return { result: AuthorizeResult.DENY };
      }
      return createCatalogConditionalDecision(
        permission,
        catalogConditions.isEntityOwner({ claims }),
      );
    }
    if (
      isReadPermission(permission) ||
      ONBOARDING_PERMISSION_NAMES.has(permission.name)
    ) {
      return { result: AuthorizeResult.ALLOW };
    }
    return { result: AuthorizeResult.DENY };
  }
}

/** Full, lower-case refs, as the catalog stores ownership. */
function normaliseRef(ref: string): string {
  return stringifyEntityRef(
    parseEntityRef(ref.trim(), {
      defaultKind: 'group',
      defaultNamespace: 'default',
    }),
  ).toLocaleLowerCase('en-US');
}
