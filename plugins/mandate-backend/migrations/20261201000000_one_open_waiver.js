// @ts-check

/**
 * At most one open waiver per (entity, rule), enforced by the database.
 *
 * "Active" depends on the clock (a waiver stops counting when it expires), which no index can
 * see. So a waiver holds its (entity, rule) slot until `closed_at` is set: when it is revoked,
 * or once it has expired and a successor is created or the expiry task rescored it. A partial
 * unique index over the open rows (closed_at is null) does the rest; SQLite and PostgreSQL
 * both have them.
 *
 * @param {import('knex').Knex} knex
 */
exports.up = async function up(knex) {
  await knex.schema.alterTable('mandate_waivers', table => {
    table.string('closed_at', 32).nullable();
  });

  // Close what no longer holds a slot: revoked waivers, and waivers expired by now.
  const now = new Date().toISOString();
  await knex('mandate_waivers')
    .whereNotNull('revoked_at')
    .update({ closed_at: knex.ref('revoked_at') });
  await knex('mandate_waivers')
    .whereNull('closed_at')
    .where('expires_at', '<=', now)
    .update({ closed_at: knex.ref('expires_at') });

  // Before this migration two requests could race to waive the same rule: keep the first
  // waiver granted, close the later duplicates.
  const open = await knex('mandate_waivers')
    .whereNull('closed_at')
    .orderBy(['entity_ref', 'rule_id', 'created_at', 'id'])
    .select('id', 'entity_ref', 'rule_id');
  const seen = new Set();
  const duplicates = [];
  for (const row of open) {
    const key = JSON.stringify([row.entity_ref, row.rule_id]);
    if (seen.has(key)) duplicates.push(row.id);
    else seen.add(key);
  }
  for (let i = 0; i < duplicates.length; i += 200) {
    await knex('mandate_waivers')
      .whereIn('id', duplicates.slice(i, i + 200))
      .update({ closed_at: now });
  }

  await knex.schema.alterTable('mandate_waivers', table => {
    table.unique(['entity_ref', 'rule_id'], {
      indexName: 'mandate_waivers_one_open',
      predicate: knex.whereNull('closed_at'),
    });
  });
};

/** @param {import('knex').Knex} knex */
exports.down = async function down(knex) {
  await knex.schema.alterTable('mandate_waivers', table => {
    table.dropIndex(['entity_ref', 'rule_id'], 'mandate_waivers_one_open');
  });
  await knex.schema.alterTable('mandate_waivers', table => {
    table.dropColumn('closed_at');
  });
};
