// @ts-check

/**
 * Campaigns: a goal for a scope of services by a deadline, optionally announcing a rule that
 * is enforced from a given day.
 *
 * @param {import('knex').Knex} knex
 */
exports.up = async function up(knex) {
  await knex.schema.createTable('mandate_campaigns', table => {
    table.string('id', 36).primary();
    // Unique, archived ones included: replicas seeding the same campaigns at startup create
    // each once, and two campaigns are never told apart by id alone.
    table.string('name', 255).notNullable().unique();
    // JSON: the goal ({ kind, level | ruleId }) and the scope (tiers, owners, systems, lifecycles).
    table.text('goal').notNullable();
    table.text('scope').notNullable();
    table.string('deadline', 10).notNullable();
    table.string('owner', 255).notNullable();
    table.string('announce_rule_id', 128).nullable();
    table.string('announce_enforced_from', 10).nullable();
    // Set once the stored figures were rescored on or after the enforcement day, as
    // mandate_waivers.expiry_applied is for an expiry.
    table.boolean('enforcement_applied').notNullable().defaultTo(false);
    table.string('created_at', 32).notNullable();
    table.string('created_by', 255).notNullable();
    table.string('updated_at', 32).notNullable();
    table.string('archived_at', 32).nullable();
  });
};

/** @param {import('knex').Knex} knex */
exports.down = async function down(knex) {
  await knex.schema.dropTable('mandate_campaigns');
};
