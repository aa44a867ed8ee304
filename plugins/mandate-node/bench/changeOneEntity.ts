import { Entity } from '@backstage/catalog-model';
import { SnapshotInput } from '../src/catalog';

/** The catalog edits the benchmarks time, one entity each, as someone edits it in the portal. */
export const CHANGE_KINDS = [
  'service tier',
  'team members',
  'API definition',
] as const;
export type ChangeKind = (typeof CHANGE_KINDS)[number];

const KIND_OF: Record<ChangeKind, string> = {
  'service tier': 'Component',
  'team members': 'Group',
  'API definition': 'API',
};
const TIERS = ['critical', 'high', 'medium', 'low'];

/**
 * Replaces one random entity of the kind the change edits with an edited copy (a new object,
 * as the catalog hands over after an edit): a service's tier moves to the next one, a team
 * gains a member, an API definition stops accepting the correlation header on one path.
 * Returns the index replaced and the entity's ref.
 */
export function changeOneEntity(
  inputs: SnapshotInput[],
  kind: ChangeKind,
  random: () => number,
  edit: number,
): { index: number; ref: string } {
  const candidates: number[] = [];
  inputs.forEach((input, i) => {
    const type = (input.entity.spec as Record<string, unknown>)?.type;
    if (
      input.entity.kind === KIND_OF[kind] &&
      (kind !== 'service tier' || type === 'service')
    )
      candidates.push(i);
  });
  const index = candidates[Math.floor(random() * candidates.length)];
  const entity: Entity = structuredClone(inputs[index].entity);
  const spec = entity.spec as Record<string, any>;
  if (kind === 'service tier') {
    const annotations = entity.metadata.annotations!;
    const tier = TIERS.indexOf(annotations['mandate.dev/tier']);
    annotations['mandate.dev/tier'] = TIERS[(tier + 1) % TIERS.length];
  } else if (kind === 'team members') {
    spec.members = [...(spec.members ?? []), `user-new-${edit}`];
  } else {
    spec.definition = String(spec.definition).replace(
      'X-Request-ID',
      `X-Edit-${edit}`,
    );
  }
  inputs[index] = { ...inputs[index], entity };
  return {
    index,
    ref: `${entity.kind}:default/${entity.metadata.name}`.toLowerCase(),
  };
}
