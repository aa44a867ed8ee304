// @ts-check

/**
 * A service's raw results are stored only when waivers or announcements made them differ from
 * its results: otherwise `raw_results` is null and the results are the raw ones. Most services
 * have neither, and the second copy was half of what a full evaluation wrote.
 *
 * @param {import('knex').Knex} knex
 */
exports.up = async function up(knex) {
  await knex.schema.alterTable('mandate_entities', table => {
    table.text('raw_results').nullable().alter();
  });
};

/** @param {import('knex').Knex} knex */
exports.down = async function down(knex) {
  await knex('mandate_entities')
    .whereNull('raw_results')
    .update({ raw_results: knex.ref('results') });
  await knex.schema.alterTable('mandate_entities', table => {
    table.text('raw_results').notNullable().alter();
  });
};
