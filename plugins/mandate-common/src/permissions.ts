import { RESOURCE_TYPE_CATALOG_ENTITY } from '@backstage/plugin-catalog-common/alpha';
import { createPermission } from '@backstage/plugin-permission-common';

/*
 * Mandate's permissions are resource permissions on catalog entities: the backend authorizes
 * them with the service's entity ref as `resourceRef`, so that a policy can answer with a
 * conditional decision (e.g. the catalog's isEntityOwner rule) that the catalog resolves.
 */

/**
 * Request a waiver for one entity and one rule; authorized against that entity. (The name
 * predates approvals: holding it alone files a request; with the approve permission too, the
 * waiver is granted at once.)
 *
 * @public
 */
export const mandateWaiverCreatePermission = createPermission({
  name: 'mandate.waiver.create',
  attributes: { action: 'create' },
  resourceType: RESOURCE_TYPE_CATALOG_ENTITY,
});

/** Approve or deny a waiver request; authorized against the waiver's entity. @public */
export const mandateWaiverApprovePermission = createPermission({
  name: 'mandate.waiver.approve',
  attributes: { action: 'update' },
  resourceType: RESOURCE_TYPE_CATALOG_ENTITY,
});

/** Revoke an existing waiver; authorized against the waiver's entity. @public */
export const mandateWaiverRevokePermission = createPermission({
  name: 'mandate.waiver.revoke',
  attributes: { action: 'delete' },
  resourceType: RESOURCE_TYPE_CATALOG_ENTITY,
});

/**
 * Trigger an evaluation on demand (the schedule runs regardless). Authorized against the entity
 * when one service is re-evaluated; a full evaluation has no resource, so it needs an
 * unconditional allow.
 *
 * @public
 */
export const mandateEvaluatePermission = createPermission({
  name: 'mandate.evaluate',
  attributes: { action: 'update' },
  resourceType: RESOURCE_TYPE_CATALOG_ENTITY,
});

/**
 * Create, edit and archive campaigns. A basic permission: a campaign spans teams, so no single
 * entity's owner can be asked about it.
 *
 * @public
 */
export const mandateCampaignManagePermission = createPermission({
  name: 'mandate.campaign.manage',
  attributes: { action: 'update' },
});

/** @public */
export const mandatePermissions = [
  mandateWaiverCreatePermission,
  mandateWaiverApprovePermission,
  mandateWaiverRevokePermission,
  mandateEvaluatePermission,
  mandateCampaignManagePermission,
];
