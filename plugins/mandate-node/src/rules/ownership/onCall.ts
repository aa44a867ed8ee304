import { MANDATE_ANNOTATIONS } from '../../annotations';
import { defineRule } from '../defineRule';
import { fail, pass } from '../RuleOutcome';
import { CatalogSnapshot, SnapshotEntity } from '../../catalog';
import { annotationsEdit, owningTeam, ruleFix, teamOwnerFix } from '../support';

export const onCallRule = defineRule({
  id: 'ownership.on-call',
  tenet: 'ownership',
  level: 'silver',
  title: 'The owner carries the pager',
  description:
    '`mandate.dev/on-call` is set and resolves to the owning team (an existing Group of type `team`).',
  rationale:
    'You build it, you run it: no separate operations team; the team that owns the service is the one woken up when it breaks.',
  remediation: {
    text: 'Name the owning team as the on-call group.',
    snippet: `metadata:
  annotations:
    mandate.dev/on-call: group:default/checkout-team
spec:
  owner: group:default/checkout-team
`,
    language: 'yaml',
  },
  evaluate(service, { snapshot }) {
    const team = owningTeam(service, snapshot);
    if (!team) {
      return {
        ...fail(
          service.annotations[MANDATE_ANNOTATIONS.onCall] === undefined
            ? `${MANDATE_ANNOTATIONS.onCall} is not set`
            : `the owner ${
                service.owner ?? '(none)'
              } is not an existing team, so it cannot carry the pager`,
        ),
        fix: teamOwnerFix(service, snapshot),
      };
    }
    const outcome = judgeOnCall(service, team, snapshot);
    return outcome.status === 'fail'
      ? {
          ...outcome,
          fix: ruleFix(
            `${team.ref} owns ${service.ref}, so it carries the pager: name it in ${MANDATE_ANNOTATIONS.onCall}.`,
            annotationsEdit({ [MANDATE_ANNOTATIONS.onCall]: team.ref }),
          ),
        }
      : outcome;
  },
});

function judgeOnCall(
  service: SnapshotEntity,
  team: SnapshotEntity,
  snapshot: CatalogSnapshot,
) {
  const value = service.annotations[MANDATE_ANNOTATIONS.onCall];
  if (value === undefined)
    return fail(`${MANDATE_ANNOTATIONS.onCall} is not set`);
  const ref = service.onCall;
  if (!ref) return fail(`${JSON.stringify(value)} is not an entity ref`);
  if (!snapshot.get(ref))
    return fail(`the on-call group ${ref} does not exist`, [ref]);
  if (ref !== team.ref) {
    return fail(
      `the pager is carried by ${ref}, not by the owning team ${team.ref}`,
      [ref],
      [ref, team.ref],
    );
  }
  return pass();
}
