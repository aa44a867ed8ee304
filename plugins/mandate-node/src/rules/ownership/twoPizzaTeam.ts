import { defineRule } from '../defineRule';
import { fail, pass } from '../RuleOutcome';
import { compareRefs, SnapshotEntity } from '../../catalog';
import { decisionFix, owningTeam, teamOwnerFix } from '../support';

export const twoPizzaTeamRule = defineRule({
  id: 'ownership.two-pizza-team',
  tenet: 'ownership',
  level: 'bronze',
  subject: 'owner',
  title: 'Owned by a two-pizza team',
  description:
    'The owning team has at least one and at most `maxMembers` (default 16) members: the union of `Group.spec.members` and the Users whose `spec.memberOf` names it.',
  rationale:
    'A team small enough to be fed by two pizzas can own a service from the interface to the data and still talk to each other; an empty team owns nothing.',
  remediation: {
    text: 'Give the owning team its members (or split a team that has grown too large and share its services out).',
    snippet: `apiVersion: backstage.io/v1alpha1
kind: Group
metadata:
  name: checkout-team
spec:
  type: team
  children: []
  members: [alice, bob, carol]
`,
    language: 'yaml',
  },
  options: {
    maxMembers: {
      type: 'integer',
      default: 16,
      minimum: 0,
      description: 'The most members the owning team may have.',
    },
  },
  evaluate(service, { snapshot, options }) {
    const team = owningTeam(service, snapshot);
    if (!team) {
      const size = (t: SnapshotEntity) => snapshot.teamMembers(t.ref).size;
      return {
        ...fail(
          `the owner ${
            service.owner ?? '(none)'
          } is not an existing team, so its size is unknown`,
        ),
        fix: teamOwnerFix(
          service,
          snapshot,
          t => size(t) >= 1 && size(t) <= options.maxMembers,
        ),
      };
    }
    const members = [...snapshot.teamMembers(team.ref)].sort(compareRefs);
    if (members.length === 0) {
      return {
        ...fail(`${team.ref} has no members`, [team.ref], [team.ref]),
        fix: decisionFix(
          `Decide who runs ${service.ref}: list those people in ${team.ref}'s spec.members (or name ${team.ref} in their spec.memberOf).`,
          [
            {
              comment: `in ${team.ref}: the Users who run ${service.ref}`,
              edit: { spec: { members: [] } },
            },
          ],
          team.ref,
        ),
      };
    }
    if (members.length > options.maxMembers) {
      return {
        ...fail(
          `${team.ref} has ${members.length} members, more than ${options.maxMembers}`,
          [`${team.ref} (${members.length} members)`],
          [team.ref],
        ),
        fix: splitTeamFix(service, team, members, options.maxMembers),
      };
    }
    return pass();
  },
});

/**
 * A team too large to feed with two pizzas is split, and who goes where is the team's
 * decision: the snippet shows one even split, in member order, into the team and new teams
 * named after it.
 */
function splitTeamFix(
  service: SnapshotEntity,
  team: SnapshotEntity,
  members: string[],
  maxMembers: number,
) {
  const parts = Math.ceil(members.length / Math.max(1, maxMembers));
  const size = Math.ceil(members.length / parts);
  const groups = Array.from({ length: parts }, (_, i) =>
    members.slice(i * size, (i + 1) * size),
  );
  const name = (ref: string) =>
    ref.startsWith(`user:${team.namespace}/`) ? ref.split('/')[1] : ref;
  const parent = (team.entity.spec as Record<string, unknown> | undefined)
    ?.parent;
  const newTeams = groups.slice(1).map((group, i) => ({
    ref: `group:${team.namespace}/${team.name}-${i + 2}`,
    document: {
      apiVersion: 'backstage.io/v1alpha1',
      kind: 'Group',
      metadata: {
        name: `${team.name}-${i + 2}`,
        ...(team.namespace === 'default' ? {} : { namespace: team.namespace }),
      },
      spec: {
        type: 'team',
        ...(typeof parent === 'string' ? { parent } : {}),
        children: [],
        members: group.map(name),
      },
    },
  }));
  return decisionFix(
    `Decide how to split ${team.ref}: ${
      members.length
    } members is more than ${maxMembers}. For example ${
      team.ref
    } keeps ${groups[0].map(name).join(', ')}; ${newTeams
      .map(t => `${t.ref} takes ${t.document.spec.members.join(', ')}`)
      .join('; ')} (remove ${
      team.ref
    } from their spec.memberOf), and the new team${
      newTeams.length === 1 ? ' takes' : 's take'
    } over some of ${team.ref}'s services, ${service.ref} or others.`,
    [
      {
        comment: `in ${team.ref}: the members it keeps`,
        edit: { spec: { members: groups[0].map(name) } },
      },
      ...newTeams.map(t => ({
        comment: `new entity ${t.ref}`,
        edit: t.document,
      })),
    ],
    team.ref,
  );
}
