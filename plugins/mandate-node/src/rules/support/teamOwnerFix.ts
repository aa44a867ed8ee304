import type { RuleFix } from '@mandate-dev/plugin-mandate-common';
import {
  CatalogSnapshot,
  parseRef,
  SnapshotEntity,
  toList,
} from '../../catalog';
import { decisionFix, FixOption, ruleFix } from './ruleFix';

/** A new Group of type team, as its entity file would declare it. */
function newTeam(ref: string) {
  const [, namespace, name] = /^group:([^/]+)\/(.+)$/.exec(ref)!;
  return {
    apiVersion: 'backstage.io/v1alpha1',
    kind: 'Group',
    metadata: { name, ...(namespace === 'default' ? {} : { namespace }) },
    spec: { type: 'team', children: [] },
  };
}

/**
 * How to give a service whose owner is not a team a team that owns it. Mechanical when its
 * `mandate.dev/on-call` names an existing team (that `accepts`, e.g. small enough): the team
 * that already runs it. Otherwise a decision: make the owning group a team, give the service to
 * one of that group's child groups or of the owning user's groups, or register the owner as a
 * team.
 */
export function teamOwnerFix(
  service: SnapshotEntity,
  snapshot: CatalogSnapshot,
  accepts: (team: SnapshotEntity) => boolean = () => true,
): RuleFix {
  const onCall = snapshot.get(service.onCall);
  if (
    onCall?.kind === 'group' &&
    onCall.type === 'team' &&
    onCall.ref !== service.owner &&
    accepts(onCall)
  ) {
    return ruleFix(
      `${onCall.ref} carries the pager for ${service.ref} (mandate.dev/on-call): make it the owner, the team that runs it end to end.`,
      { spec: { owner: onCall.ref } },
    );
  }
  const owner = snapshot.get(service.owner);
  const refsIn = (entity: SnapshotEntity, value: unknown) =>
    toList(value).flatMap(
      item =>
        parseRef(item, {
          defaultKind: 'group',
          defaultNamespace: entity.namespace,
        }) ?? [],
    );
  const giveTo = (candidates: string[], why: string): FixOption[] =>
    candidates.length > 0
      ? [
          {
            comment: `in ${service.ref}: give it to ${why} (${candidates.join(
              ', ',
            )})`,
            edit: { spec: { owner: candidates[0] } },
          },
        ]
      : [];
  const options: FixOption[] = [];
  if (owner?.kind === 'group') {
    options.push({
      comment: `in ${owner.ref}: make it a team, if its people run ${service.ref} together`,
      edit: { spec: { type: 'team' } },
    });
    options.push(
      ...giveTo(
        refsIn(owner, (owner.entity.spec as Record<string, unknown>)?.children),
        `one of the groups of ${owner.ref}`,
      ),
    );
  } else if (owner?.kind === 'user') {
    options.push(
      ...giveTo(
        owner.memberOf.flatMap(link => link.ref ?? []),
        `a team ${owner.ref} belongs to`,
      ),
    );
  } else if (!owner && service.owner?.startsWith('group:')) {
    options.push({
      comment: `new entity ${service.owner}: register the team that owns ${service.ref}`,
      edit: newTeam(service.owner),
    });
  }
  const numbered = options.map((option, i) => ({
    ...option,
    comment: `Option ${i + 1}, ${option.comment}`,
  }));
  if (numbered.length === 0) {
    // Nothing in the catalog suggests a team: the snippet names a new one after the service.
    const team = `group:${service.namespace}/${service.name}-team`;
    numbered.push(
      {
        comment: `in ${service.ref}: name the team that runs it, e.g. a new one`,
        edit: { spec: { owner: team } },
      },
      { comment: `new entity ${team}`, edit: newTeam(team) },
    );
  }
  return decisionFix(
    `Decide which team owns ${service.ref} end to end: ${
      service.owner ? `${service.owner} is not a team` : 'spec.owner is not set'
    }.`,
    numbered,
    owner?.kind === 'group' ? owner.ref : undefined,
  );
}
