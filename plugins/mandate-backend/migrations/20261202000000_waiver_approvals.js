// @ts-check

/**
 * Waiver governance: a waiver is first requested, then approved or denied by someone holding
 * `mandate.waiver.approve`; an approved waiver can be revoked.
 *
 * `state` is what was decided (requested, approved, denied, revoked); whether an approved
 * waiver is still active or has expired depends on the clock and is read at query time.
 * Waivers granted before this migration were granted at once: they become approved, requested
 * and decided by whoever granted them, when they were created; revoked ones become revoked.
 *
 * The slot rule of `one_open_waiver` carries over unchanged: a request is open (closed_at is
 * null) like an approved waiver, and a denial closes it, so the partial unique index keeps at
 * most one open waiver-or-request per (entity, rule).
 *
 * @param {import('knex').Knex} knex
 */
exports.up = async function up(knex) {
  await knex.schema.alterTable('mandate_waivers', table => {
    table.string('state', 16).notNullable().defaultTo('approved');
    table.string('requested_by', 255).nullable();
    table.string('decided_by', 255).nullable();
    table.string('decided_at', 32).nullable();
    table.text('decision_comment').nullable();
  });
  await knex('mandate_waivers').update({
    requested_by: knex.ref('granted_by'),
    decided_by: knex.ref('granted_by'),
    decided_at: knex.ref('created_at'),
  });
  await knex('mandate_waivers')
    .whereNotNull('revoked_at')
    .update({ state: 'revoked' });
  await knex.schema.alterTable('mandate_waivers', table => {
    table.index(['state', 'expires_at'], 'mandate_waivers_state_expiry');
  });
};

/** @param {import('knex').Knex} knex */
exports.down = async function down(knex) {
  // Requests and denials did not exist before: close them so that they never count.
  await knex('mandate_waivers')
    .whereIn('state', ['requested', 'denied'])
    .whereNull('closed_at')
    .update({ closed_at: knex.ref('created_at') });
  await knex('mandate_waivers')
    .whereIn('state', ['requested', 'denied'])
    .whereNull('revoked_at')
    .update({
      revoked_at: knex.ref('created_at'),
      revoked_by: knex.ref('requested_by'),
    });
  await knex.schema.alterTable('mandate_waivers', table => {
    table.dropIndex(['state', 'expires_at'], 'mandate_waivers_state_expiry');
  });
  await knex.schema.alterTable('mandate_waivers', table => {
    table.dropColumn('decision_comment');
    table.dropColumn('decided_at');
    table.dropColumn('decided_by');
    table.dropColumn('requested_by');
    table.dropColumn('state');
  });
};
