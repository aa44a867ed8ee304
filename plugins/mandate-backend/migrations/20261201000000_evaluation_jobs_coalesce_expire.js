// @ts-check

/**
 * On-demand evaluations coalesce and expire.
 * - `active_key` is the entity ref of a queued or running job ('*' for a full evaluation) and
 *   null once it finished: its unique index lets at most one equivalent job be waiting or
 *   running, across replicas, so concurrent POST /evaluate requests share one job.
 * - `started_at` is when a replica claimed the job, so that a job left running by a replica that
 *   stopped can expire.
 *
 * @param {import('knex').Knex} knex
 */
exports.up = async function up(knex) {
  await knex.schema.alterTable('mandate_evaluations', table => {
    table.string('active_key', 255).nullable().unique();
    table.string('started_at', 32).nullable();
  });
};

/** @param {import('knex').Knex} knex */
exports.down = async function down(knex) {
  await knex.schema.alterTable('mandate_evaluations', table => {
    table.dropUnique(['active_key']);
    table.dropColumn('active_key');
    table.dropColumn('started_at');
  });
};
