import { CatalogSnapshot, SnapshotEntity } from '../../catalog';
import { defineRule } from '../defineRule';
import { fail, pass } from '../RuleOutcome';
import { teamOwnerFix } from '../support';

export const teamOwnerRule = defineRule({
  id: 'ownership.team-owner',
  tenet: 'ownership',
  level: 'bronze',
  subject: 'owner',
  title: 'Owned by a team',
  description:
    '`spec.owner` resolves to an existing Group whose `spec.type` is `team`.',
  rationale:
    'A service owned by a person, a department or nobody has no one who answers for it end to end; ownership belongs to a team.',
  remediation: {
    text: 'Point `spec.owner` at a Group of type `team` and make sure that Group is in the catalog.',
    snippet: `spec:
  owner: group:default/checkout-team
---
apiVersion: backstage.io/v1alpha1
kind: Group
metadata:
  name: checkout-team
spec:
  type: team
  children: []
`,
    language: 'yaml',
  },
  evaluate(service, { snapshot }) {
    const outcome = judgeOwner(service, snapshot);
    return outcome.status === 'fail'
      ? { ...outcome, fix: teamOwnerFix(service, snapshot) }
      : outcome;
  },
});

function judgeOwner(service: SnapshotEntity, snapshot: CatalogSnapshot) {
  const raw = (service.entity.spec as Record<string, unknown> | undefined)
    ?.owner;
  if (!service.owner) {
    return raw === undefined || raw === null || raw === ''
      ? fail('spec.owner is not set')
      : fail(`spec.owner ${JSON.stringify(raw)} is not an entity ref`);
  }
  const owner = snapshot.get(service.owner);
  if (!owner)
    return fail(`the owner ${service.owner} does not exist`, [service.owner]);
  if (owner.kind !== 'group') {
    return fail(
      `the owner ${owner.ref} is a ${owner.entity.kind}, not a Group`,
      [owner.ref],
      [owner.ref],
    );
  }
  if (owner.type !== 'team') {
    return fail(
      `the owner ${owner.ref} is a Group of type ${
        owner.type ?? '(none)'
      }, not a team`,
      [owner.ref],
      [owner.ref],
    );
  }
  return pass();
}
