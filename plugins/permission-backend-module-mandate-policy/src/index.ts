/**
 * Permission policy for a portal running Mandate: admins may do anything, owners may waive their
 * own services' rules, signed-in users may read, everything else is denied.
 *
 * @packageDocumentation
 */
export { permissionModuleMandatePolicy as default } from './permissionModuleMandatePolicy';
export { MandatePermissionPolicy } from './MandatePermissionPolicy';
export type { MandatePermissionPolicyOptions } from './MandatePermissionPolicy';
