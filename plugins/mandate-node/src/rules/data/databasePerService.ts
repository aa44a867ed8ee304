import { defineRule } from '../defineRule';
import { fail, pass } from '../RuleOutcome';
import type { RuleFix } from '@mandate-dev/plugin-mandate-common';
import { CatalogSnapshot, SnapshotEntity } from '../../catalog';
import {
  databasesOf,
  decisionFix,
  readThroughApis,
  resourcesOfType,
  ruleFix,
  specList,
} from '../support';

export const databasePerServiceRule = defineRule({
  id: 'data.database-per-service',
  tenet: 'interfaces',
  level: 'silver',
  title: 'A database per service',
  description:
    'No database the service depends on is also a dependency of another Component (of any type).',
  rationale:
    'Each service has its own database; a shared one couples deployments, schemas and failures of everything that touches it.',
  remediation: {
    text: 'Give the service a database of its own; other components get the data through its API.',
    snippet: `apiVersion: backstage.io/v1alpha1
kind: Resource
metadata:
  name: orders-db
spec:
  type: database
  owner: group:default/checkout-team
  dependsOn: [resource:default/main-cluster]
`,
    language: 'yaml',
  },
  evaluate(service, { snapshot }) {
    const evidence: string[] = [];
    const refs: string[] = [];
    const shared: { db: SnapshotEntity; others: SnapshotEntity[] }[] = [];
    for (const db of databasesOf(service, snapshot)) {
      const others = snapshot
        .dependentsOf(db.ref)
        .filter(user => user.kind === 'component' && user.ref !== service.ref);
      if (others.length > 0) {
        const names = others.map(user => user.ref);
        evidence.push(`${db.ref} is also used by ${names.join(', ')}`);
        refs.push(db.ref, ...names);
        shared.push({ db, others });
      }
    }
    if (evidence.length === 0) return pass();
    return {
      ...fail(
        `shares ${evidence.length} database${evidence.length === 1 ? '' : 's'}`,
        evidence,
        refs,
      ),
      fix: unshareFix(service, shared, snapshot),
    };
  },
});

/**
 * Who lets go of a shared database: the components of other teams, when it is this service's
 * team's (they read it through its APIs); this service, when it is another team's. Two
 * components of the same team sharing one is a decision: a database of its own, or one service.
 */
function unshareFix(
  service: SnapshotEntity,
  shared: { db: SnapshotEntity; others: SnapshotEntity[] }[],
  snapshot: CatalogSnapshot,
): RuleFix {
  const drops = new Map<SnapshotEntity, SnapshotEntity[]>();
  const drop = (user: SnapshotEntity, db: SnapshotEntity) =>
    drops.set(user, [...(drops.get(user) ?? []), db]);
  const sameTeam: { db: SnapshotEntity; others: SnapshotEntity[] }[] = [];
  for (const { db, others } of shared) {
    if (!db.owner || db.owner !== service.owner) {
      drop(service, db);
      continue;
    }
    const teammates = others.filter(other => other.owner === service.owner);
    for (const other of others) if (!teammates.includes(other)) drop(other, db);
    if (teammates.length > 0) sameTeam.push({ db, others: teammates });
  }
  const edits = [...drops].map(([user, dbs]) => ({
    user,
    dbs,
    ...readThroughApis(user, dbs, snapshot),
  }));
  const describe = (e: (typeof edits)[number]) =>
    `${e.user.ref} reads ${e.dbs.map(db => db.ref).join(', ')} through ${
      e.apis.length > 0
        ? e.apis.join(', ')
        : 'an API its owner has yet to offer'
    }`;
  if (sameTeam.length === 0 && edits.length === 1 && edits[0].apis.length > 0) {
    return ruleFix(
      `One service per database: ${describe(
        edits[0],
      )} instead of depending on it (keep the APIs it needs).`,
      edits[0].edit,
      edits[0].user === service ? undefined : edits[0].user.ref,
    );
  }
  const ownDb = (db: SnapshotEntity) =>
    `resource:${db.namespace}/${service.name}-${db.name}`;
  const options = [
    ...edits.map(e => ({
      comment: `in ${e.user.ref}: stop depending on ${e.dbs
        .map(db => db.ref)
        .join(', ')}`,
      edit: e.edit,
    })),
    ...sameTeam.flatMap(({ db }) => [
      {
        comment: `in ${service.ref}: a database of its own instead of ${db.ref}`,
        edit: {
          spec: {
            dependsOn: specList(service, 'dependsOn', {
              drop: new Set([db.ref]),
              add: [ownDb(db)],
            }),
          },
        },
      },
      {
        comment: `new entity ${ownDb(db)}`,
        edit: {
          apiVersion: 'backstage.io/v1alpha1',
          kind: 'Resource',
          metadata: {
            name: ownDb(db).split('/')[1],
            ...(db.namespace === 'default' ? {} : { namespace: db.namespace }),
          },
          spec: {
            type: 'database',
            owner: db.owner,
            dependsOn: resourcesOfType(db, snapshot, 'database-cluster').map(
              cluster => cluster.ref,
            ),
          },
        },
      },
    ]),
  ];
  return decisionFix(
    `Decide how to stop sharing: ${[
      ...edits.map(describe),
      ...sameTeam.map(
        ({ db, others }) =>
          `${service.ref} and ${others
            .map(o => o.ref)
            .join(', ')} of the same team share ${db.ref}: give ${
            service.ref
          } a database of its own, or make them one service`,
      ),
    ].join('; ')}.`,
    options,
  );
}
