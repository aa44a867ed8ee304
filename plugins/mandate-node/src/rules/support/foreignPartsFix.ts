import type { RuleFix } from '@mandate-dev/plugin-mandate-common';
import { CatalogSnapshot, SnapshotEntity } from '../../catalog';
import { apisOverDatabase, readThroughApis } from './readThroughApis';
import { decisionFix, ruleFix } from './ruleFix';
import { specList } from './specList';

/**
 * How a service stops using parts that another team owns: databases of other teams are read
 * through the APIs of that team's services instead (mechanical when every such database has
 * them). An API it provides that another team owns, or a database no service of its owner
 * offers, is a decision: the service lets go of it, or the part becomes its team's.
 */
export function foreignPartsFix(
  service: SnapshotEntity,
  parts: { apis?: SnapshotEntity[]; databases: SnapshotEntity[] },
  snapshot: CatalogSnapshot,
): RuleFix {
  const apis = parts.apis ?? [];
  const { edit, apis: readApis } = readThroughApis(
    service,
    parts.databases,
    snapshot,
  );
  const serviceEdit = edit as { spec: Record<string, unknown> };
  if (apis.length > 0) {
    serviceEdit.spec.providesApis = specList(service, 'providesApis', {
      drop: new Set(apis.map(api => api.ref)),
    });
  }
  const dbRefs = parts.databases.map(db => db.ref).join(', ');
  const through =
    readApis.length > 0 ? ` and consume ${readApis.join(', ')} instead` : '';
  const adoptable = [
    ...apis,
    ...parts.databases.filter(
      db => apisOverDatabase(db, snapshot).length === 0,
    ),
  ];
  if (adoptable.length === 0) {
    return ruleFix(
      `Read ${dbRefs} through the API of the team that owns it: drop it from spec.dependsOn${through} (keep the APIs you need).`,
      serviceEdit,
    );
  }
  const owner = service.owner;
  return decisionFix(
    `Decide who owns ${adoptable
      .map(part => `${part.ref} (owned by ${part.owner ?? 'nobody'})`)
      .join(', ')}: ${service.ref} lets go of ${
      adoptable.length === 1 ? 'it' : 'them'
    }${
      owner
        ? `, or ${owner} takes ${adoptable.length === 1 ? 'it' : 'them'} over`
        : ''
    }.`,
    [
      {
        comment: `Option 1, in ${
          service.ref
        }: stop using what another team owns${
          readApis.length > 0
            ? `; read data through ${readApis.join(', ')}`
            : ''
        }`,
        edit: serviceEdit,
      },
      ...(owner
        ? adoptable.map(part => ({
            comment: `Option 2, in ${part.ref}: it becomes ${owner}'s`,
            edit: { spec: { owner } },
          }))
        : []),
    ],
  );
}
