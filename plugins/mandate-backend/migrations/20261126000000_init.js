// @ts-check

/**
 * The Mandate store. Results are written per evaluation in one transaction, so a crash in the
 * middle of an evaluation leaves the previous results intact.
 *
 * @param {import('knex').Knex} knex
 */
exports.up = async function up(knex) {
  // The latest report of every service: the unwaived results (waivers are applied when read
  // and whenever a waiver changes), plus the waived figures for filtering and summaries.
  await knex.schema.createTable('mandate_entities', table => {
    table.string('entity_ref', 255).primary();
    table.string('owner', 255).nullable().index();
    table.string('tier', 16).nullable();
    table.string('system', 255).nullable();
    table.string('lifecycle', 64).nullable();
    table.string('title', 255).nullable();
    table.string('level', 16).notNullable();
    table.integer('score').notNullable();
    table.text('raw_results').notNullable();
    table.text('results').notNullable();
    // ruleId -> status after waivers: lets summaries aggregate in memory without the rule rows.
    table.text('statuses').notNullable();
    table.string('evaluated_at', 32).notNullable();
  });

  // One row per (service, rule): the status after waivers, for per-rule filters and counts.
  await knex.schema.createTable('mandate_rule_results', table => {
    table.string('entity_ref', 255).notNullable();
    table.string('rule_id', 128).notNullable();
    table.string('status', 16).notNullable();
    table.primary(['entity_ref', 'rule_id']);
    table.index(['rule_id', 'status']);
  });

  // One row per service and day: the last evaluation of that day.
  await knex.schema.createTable('mandate_history', table => {
    table.string('entity_ref', 255).notNullable();
    table.string('day', 10).notNullable();
    table.string('owner', 255).nullable();
    table.string('tier', 16).nullable();
    table.integer('score').notNullable();
    table.string('level', 16).notNullable();
    table.text('statuses').notNullable();
    table.primary(['entity_ref', 'day']);
    table.index(['day', 'owner']);
  });

  // Small shared facts, e.g. the version of the stored results, which changes on every write
  // so that each replica knows when its cached summaries are stale.
  await knex.schema.createTable('mandate_meta', table => {
    table.string('key', 64).primary();
    table.string('value', 255).notNullable();
  });

  await knex.schema.createTable('mandate_waivers', table => {
    table.string('id', 36).primary();
    table.string('entity_ref', 255).notNullable().index();
    table.string('rule_id', 128).notNullable();
    table.text('reason').notNullable();
    table.string('granted_by', 255).notNullable();
    table.string('created_at', 32).notNullable();
    table.string('expires_at', 32).notNullable();
    table.string('revoked_at', 32).nullable();
    table.string('revoked_by', 255).nullable();
    // Set once the scores of the entity were recomputed after the waiver expired.
    table.boolean('expiry_applied').notNullable().defaultTo(false);
  });

  await knex.schema.createTable('mandate_audit', table => {
    table.increments('id');
    table.string('at', 32).notNullable();
    table.string('actor', 255).notNullable();
    table.string('action', 32).notNullable();
    table.string('waiver_id', 36).notNullable();
    table.text('details').notNullable();
  });

  await knex.schema.createTable('mandate_evaluations', table => {
    table.string('id', 36).primary();
    table.string('entity_ref', 255).nullable();
    table.string('status', 16).notNullable().index();
    table.string('requested_by', 255).nullable();
    table.string('created_at', 32).notNullable();
    table.string('finished_at', 32).nullable();
    table.text('failure_reason').nullable();
  });
};

/** @param {import('knex').Knex} knex */
exports.down = async function down(knex) {
  for (const table of [
    'mandate_evaluations',
    'mandate_audit',
    'mandate_waivers',
    'mandate_meta',
    'mandate_history',
    'mandate_rule_results',
    'mandate_entities',
  ]) {
    await knex.schema.dropTable(table);
  }
};
