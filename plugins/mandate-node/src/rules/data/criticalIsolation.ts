import { readTier, tierRank } from '../../annotations';
import { defineRule } from '../defineRule';
import { fail, notApplicable, pass } from '../RuleOutcome';
import { databasesOf, resourcesOfType } from '../support';

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
          evidence.push(
            `${db.ref} shares ${cluster.ref} with ${named.join(', ')}${more}`,
          );
        }
      }
    }
    return evidence.length > 0
      ? fail(
          `its data shares a cluster with less critical services than ${tier}`,
          evidence,
          refs,
        )
      : pass();
  },
});
