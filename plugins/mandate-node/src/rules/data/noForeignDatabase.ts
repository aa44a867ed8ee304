import { defineRule } from '../defineRule';
import { fail, pass } from '../RuleOutcome';
import { databasesOf, foreignPartsFix } from '../support';

export const noForeignDatabaseRule = defineRule({
  id: 'data.no-foreign-database',
  tenet: 'interfaces',
  level: 'silver',
  title: "No reading another team's database",
  description: 'No database the service depends on is owned by another team.',
  rationale:
    "Reading another team's database is a back door around its interface: the schema becomes a contract nobody agreed to and the owner can no longer change it.",
  remediation: {
    text: "Drop the dependency on the other team's database and call that team's API instead.",
    snippet: `spec:
  dependsOn: [resource:default/orders-db]   # only databases your team owns
  consumesApis: [api:default/inventory-api] # other teams' data through their APIs
`,
    language: 'yaml',
  },
  evaluate(service, { snapshot }) {
    const foreign = databasesOf(service, snapshot).filter(
      db => db.owner !== service.owner,
    );
    const evidence = foreign.map(
      db => `${db.ref} is owned by ${db.owner ?? 'nobody'}`,
    );
    const refs = foreign.flatMap(db =>
      db.owner ? [db.ref, db.owner] : [db.ref],
    );
    if (evidence.length === 0) return pass();
    return {
      ...fail(
        `uses ${evidence.length} database${
          evidence.length === 1 ? '' : 's'
        } of another team`,
        evidence,
        refs,
      ),
      fix: foreignPartsFix(service, { databases: foreign }, snapshot),
    };
  },
});
