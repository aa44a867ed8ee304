import { createPermission } from '@backstage/plugin-permission-common';

/** Create a waiver for one entity and one rule. */
export const mandateWaiverCreatePermission = createPermission({
  name: 'mandate.waiver.create',
  attributes: { action: 'create' },
});

/** Revoke an existing waiver. */
export const mandateWaiverRevokePermission = createPermission({
  name: 'mandate.waiver.revoke',
  attributes: { action: 'delete' },
});

/** Trigger an evaluation on demand (the schedule runs regardless). */
export const mandateEvaluatePermission = createPermission({
  name: 'mandate.evaluate',
  attributes: { action: 'update' },
});

export const mandatePermissions = [
  mandateWaiverCreatePermission,
  mandateWaiverRevokePermission,
  mandateEvaluatePermission,
];
