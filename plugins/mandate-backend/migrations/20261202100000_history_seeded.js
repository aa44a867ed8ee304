// @ts-check

/**
 * Marks history rows a seeder made up (mandateHistoryExtensionPoint, demos only), so that the
 * seeded past can be replaced when the catalog it was made from changes, and is never taken
 * for recorded history.
 *
 * @param {import('knex').Knex} knex
 */
exports.up = async function up(knex) {
  await knex.schema.alterTable('mandate_history', table => {
    table.boolean('seeded').notNullable().defaultTo(false);
  });
};

/** @param {import('knex').Knex} knex */
exports.down = async function down(knex) {
  await knex.schema.alterTable('mandate_history', table => {
    table.dropColumn('seeded');
  });
};
