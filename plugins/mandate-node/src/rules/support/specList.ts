import { SnapshotEntity, toList } from '../../catalog';

type LinkField = 'dependsOn' | 'providesApis' | 'consumesApis';

/**
 * The new value of one of the entity's ref lists for a snippet (lists in a snippet replace the
 * entity's): the items as written, without those whose ref is in `drop` (or that are no ref
 * at all, with `dropInvalid`), then `add` (full refs not already there).
 */
export function specList(
  entity: SnapshotEntity,
  field: LinkField,
  change: { drop?: ReadonlySet<string>; dropInvalid?: boolean; add?: string[] },
): unknown[] {
  const spec = (entity.entity.spec ?? {}) as Record<string, unknown>;
  const items = toList(spec[field]);
  const links = entity[field];
  const present = new Set<string>();
  const kept: unknown[] = [];
  items.forEach((item, i) => {
    const ref = links[i]?.ref;
    if (ref ? change.drop?.has(ref) : change.dropInvalid) return;
    kept.push(item);
    if (ref) present.add(ref);
  });
  for (const ref of change.add ?? []) {
    if (!present.has(ref)) {
      kept.push(ref);
      present.add(ref);
    }
  }
  return kept;
}
