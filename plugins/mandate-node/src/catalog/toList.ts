/**
 * The rulebook reads a scalar where a list is expected as a one-element list, so
 * `dependsOn: resource:orders-db` means the same as `dependsOn: [resource:orders-db]`.
 *
 * @public
 */
export function toList(value: unknown): unknown[] {
  if (value === undefined || value === null) return [];
  return Array.isArray(value) ? value : [value];
}
