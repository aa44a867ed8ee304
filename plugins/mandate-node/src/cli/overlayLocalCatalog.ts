import { SnapshotInput, toSnapshotEntity } from '../catalog';

/** The catalog to evaluate: the portal's entities with the local ones laid over them. */
export interface OverlaidCatalog {
  inputs: SnapshotInput[];
  /** The refs of the local entities. */
  localRefs: Set<string>;
}

/**
 * The local files win: a local entity replaces the portal's with the same ref, because the
 * working copy is what is being checked. Local inputs come first, so that a local duplicate
 * among the local files is reported as the snapshot always does.
 */
export function overlayLocalCatalog(
  portal: SnapshotInput[],
  local: SnapshotInput[],
): OverlaidCatalog {
  const localRefs = new Set<string>();
  for (const input of local) {
    const ref = refOf(input);
    if (ref) localRefs.add(ref);
  }
  const remaining = portal.filter(input => {
    const ref = refOf(input);
    return !ref || !localRefs.has(ref);
  });
  return { inputs: [...local, ...remaining], localRefs };
}

function refOf(input: SnapshotInput): string | undefined {
  try {
    return toSnapshotEntity(input)?.ref;
  } catch {
    return undefined; // the snapshot warns about an unreadable entity itself
  }
}
