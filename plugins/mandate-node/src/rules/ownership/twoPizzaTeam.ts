import { defineRule } from '../defineRule';
import { fail, pass } from '../RuleOutcome';
import { owningTeam } from '../support';

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
      return fail(
        `the owner ${
          service.owner ?? '(none)'
        } is not an existing team, so its size is unknown`,
      );
    }
    const size = snapshot.teamMembers(team.ref).size;
    if (size === 0) {
      return fail(`${team.ref} has no members`, [team.ref], [team.ref]);
    }
    if (size > options.maxMembers) {
      return fail(
        `${team.ref} has ${size} members, more than ${options.maxMembers}`,
        [`${team.ref} (${size} members)`],
        [team.ref],
      );
    }
    return pass();
  },
});
