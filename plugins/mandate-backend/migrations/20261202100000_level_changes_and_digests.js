// @ts-check

/**
 * Level changes and the notification digests.
 *
 * `mandate_level_changes` is written in the transaction that stores the results, so a change is
 * recorded exactly when it is committed; it is the outbox of the `mandate.level-changed` events
 * (`published_at`) and the source of the digests' level drops.
 * `mandate_digests` holds one row per recipient and day: the primary key is what keeps replicas
 * and restarts from sending a team two digests on one day. `mandate_digest_items` remembers
 * which items (a level drop, an expiring waiver...) a recipient was told about, so each is told once.
 *
 * @param {import('knex').Knex} knex
 */
exports.up = async function up(knex) {
  await knex.schema.createTable('mandate_level_changes', table => {
    table.increments('id');
    table.string('entity_ref', 255).notNullable();
    table.string('owner', 255).nullable();
    table.string('from_level', 16).notNullable();
    table.string('to_level', 16).notNullable();
    table.string('changed_at', 32).notNullable().index();
    table.string('published_at', 32).nullable();
  });
  await knex.schema.alterTable('mandate_level_changes', table => {
    table.index(['published_at', 'id'], 'mandate_level_changes_unpublished');
  });

  await knex.schema.createTable('mandate_digests', table => {
    table.string('recipient', 255).notNullable();
    table.string('day', 10).notNullable();
    table.string('sent_at', 32).notNullable();
    table.integer('items').notNullable();
    table.primary(['recipient', 'day']);
  });

  await knex.schema.createTable('mandate_digest_items', table => {
    table.string('recipient', 255).notNullable();
    table.string('item_key', 255).notNullable();
    table.string('day', 10).notNullable().index();
    table.primary(['recipient', 'item_key']);
  });
};

/** @param {import('knex').Knex} knex */
exports.down = async function down(knex) {
  await knex.schema.dropTable('mandate_digest_items');
  await knex.schema.dropTable('mandate_digests');
  await knex.schema.dropTable('mandate_level_changes');
};
