import { stringifyEntityRef } from '@backstage/catalog-model';
import { SnapshotInput } from '@internal/plugin-mandate-node';

/** The lower-case full ref the snapshot indexes entities by. */
export function refOf(input: SnapshotInput): string {
  return stringifyEntityRef(input.entity).toLowerCase();
}

/**
 * The catalog as it will be once the generated entities land: the live entities, with those
 * the template regenerates (same ref) replaced rather than reported as duplicates.
 */
export function overlayEntities(
  generated: readonly SnapshotInput[],
  live: readonly SnapshotInput[],
): SnapshotInput[] {
  const replaced = new Set(generated.map(refOf));
  return [...generated, ...live.filter(input => !replaced.has(refOf(input)))];
}
