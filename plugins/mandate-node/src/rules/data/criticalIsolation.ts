import { readTier, tierRank } from '../../annotations';
import { defineRule } from '../defineRule';
import { fail, notApplicable, pass } from '../RuleOutcome';
import {
  databasesOf,
  decisionFix,
  FixOption,
  resourcesOfType,
  specList,
} from '../support';

/** A shared cluster can host hundreds of databases; name the least critical few. */
const NAMED_PER_CLUSTER = 5;

export const criticalIsolationRule = defineRule({
  id: 'data.critical-isolation',
  tenet: 'interfaces',
  level: 'gold',
  title: 'Critical data is isolated from less critical load',
  description:
    'For `critical` and `high` services: none of its databases shares a database cluster with a database used by a service of a less critical tier (no tier counts as `low`).',
  rationale:
    'A non-critical service must not be able to drag down the database of a critical one; sharing a cluster shares its CPU, IO and connections.',
  remediation: {
    text: "Move the service's database to a cluster that only serves services at least as critical.",
    snippet: `apiVersion: backstage.io/v1alpha1
kind: Resource
metadata:
  name: payments-db
spec:
  type: database
  owner: group:default/payments-team
  dependsOn: [resource:default/critical-cluster]
`,
    language: 'yaml',
  },
  evaluate(service, { snapshot, facts }) {
    const tier = readTier(service);
    if (tier !== 'critical' && tier !== 'high') {
      return notApplicable('only critical and high services are checked');
    }
    const rank = tierRank(tier);
    const evidence: string[] = [];
    const refs: string[] = [];
    const options: FixOption[] = [];
    const neighbours: string[] = [];
    let movedFirst: string | undefined;
    for (const db of databasesOf(service, snapshot)) {
      for (const cluster of resourcesOfType(db, snapshot, 'database-cluster')) {
        // Least critical first: stop at the first use that is as critical as this service.
        const named: string[] = [];
        let count = 0;
        for (const use of facts.clusterUses(cluster)) {
          if (use.rank <= rank) break;
          if (use.database === db) continue; // the same database is data.database-per-service's
          if (count++ < NAMED_PER_CLUSTER) {
            refs.push(use.service.ref, use.database.ref);
            neighbours.push(`${use.database.ref} off ${cluster.ref}`);
            named.push(
              `${use.service.ref} (${use.tier ?? 'no tier'}) on ${
                use.database.ref
              }`,
            );
          }
        }
        if (count > 0) {
          const more =
            count > named.length ? ` and ${count - named.length} more` : '';
          refs.push(db.ref, cluster.ref);
          movedFirst ??= db.ref;
          // A cluster of its tier: found by name, not by walking the catalog for one.
          const isolated = `resource:${cluster.namespace}/${cluster.name}-${tier}`;
          options.push(
            {
              comment: `Option 1, in ${db.ref}: move it to a cluster for ${tier} services only`,
              edit: {
                spec: {
                  dependsOn: specList(db, 'dependsOn', {
                    drop: new Set([cluster.ref]),
                    add: [isolated],
                  }),
                },
              },
            },
            {
              comment: `new entity ${isolated}`,
              edit: {
                apiVersion: 'backstage.io/v1alpha1',
                kind: 'Resource',
                metadata: {
                  name: isolated.split('/')[1],
                  ...(cluster.namespace === 'default'
                    ? {}
                    : { namespace: cluster.namespace }),
                },
                spec: {
                  type: 'database-cluster',
                  ...(cluster.owner ? { owner: cluster.owner } : {}),
                },
              },
            },
          );
          evidence.push(
            `${db.ref} shares ${cluster.ref} with ${named.join(', ')}${more}`,
          );
        }
      }
    }
    if (evidence.length === 0) return pass();
    return {
      ...fail(
        `its data shares a cluster with less critical services than ${tier}`,
        evidence,
        refs,
      ),
      fix: decisionFix(
        `Decide which data moves, with the owners of the cluster: move ${
          service.ref
        }'s ${
          options.length > 2 ? 'databases' : 'database'
        } to a cluster for ${tier} services only (option 1), or move ${neighbours.join(
          ', ',
        )} (option 2: those databases' owners choose where).`,
        options,
        movedFirst,
      ),
    };
  },
});
