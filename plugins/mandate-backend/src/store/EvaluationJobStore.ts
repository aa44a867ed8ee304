import { Knex } from 'knex';
import { randomUUID } from 'node:crypto';
import {
  Evaluation,
  EvaluationStatus,
} from '@mandate-dev/plugin-mandate-common';

const JOBS = 'mandate_evaluations';

/** The `active_key` of a full evaluation; a job of one service has its entity ref. */
const FULL = '*';

/** Why a job that outlived its timeout was marked failed. */
export const EXPIRED_REASON = 'expired: the replica running it stopped';

/** The default of `mandate.evaluationJobs.timeout`, also the job task's timeout. */
export const DEFAULT_JOB_TIMEOUT_MS = 15 * 60 * 1000;

/**
 * On-demand evaluations. Requests are queued in the database and taken by whichever replica
 * runs the (globally scheduled) job task, so two replicas never run the same job.
 *
 * A queued or running job holds a unique `active_key` (its entity ref, or '*' for the whole
 * catalog): an equivalent request joins it instead of queueing another, even when two replicas
 * receive the requests at the same moment.
 */
export class EvaluationJobStore {
  constructor(
    private readonly db: Knex,
    /** How long a job may run; one running longer was left behind by a replica that stopped. */
    private readonly timeoutMs: number = DEFAULT_JOB_TIMEOUT_MS,
  ) {}

  /**
   * The queued or running job that covers this request (the same service's, or a full one),
   * or a new queued job. `created` tells which.
   */
  async enqueue(
    entityRef: string | null,
    requestedBy: string | null,
    now: Date,
  ): Promise<{ job: Evaluation; created: boolean }> {
    const key = entityRef ?? FULL;
    // A job left behind by a stopped replica answers for nobody.
    await this.expireOverdue(now);
    // A job can finish between the insert that found it and the read: then try again.
    for (let attempt = 0; attempt < 5; attempt++) {
      if (entityRef) {
        const full = await this.db(JOBS).where('active_key', FULL).first();
        if (full) return { job: fromRow(full), created: false };
      }
      const id = randomUUID();
      await this.db(JOBS)
        .insert({
          id,
          entity_ref: entityRef,
          status: 'queued',
          requested_by: requestedBy,
          created_at: now.toISOString(),
          active_key: key,
        })
        .onConflict('active_key')
        .ignore();
      const active = await this.db(JOBS).where('active_key', key).first();
      if (active) return { job: fromRow(active), created: active.id === id };
    }
    throw new Error(
      `Could not queue an evaluation of ${entityRef ?? 'the catalog'}`,
    );
  }

  async get(id: string): Promise<Evaluation | undefined> {
    const row = await this.db(JOBS).where('id', id).first();
    return row ? fromRow(row) : undefined;
  }

  /**
   * Claims the oldest queued job, marking it running since `now`. One at a time, so that a
   * job's running time starts when it really starts.
   */
  async claimNext(now: Date): Promise<Evaluation | undefined> {
    for (;;) {
      const row = await this.db(JOBS)
        .where('status', 'queued')
        .orderBy('created_at')
        .first();
      if (!row) return undefined;
      const claimed = await this.db(JOBS)
        .where({ id: row.id, status: 'queued' })
        .update({ status: 'running', started_at: now.toISOString() });
      if (claimed === 1) return fromRow({ ...row, status: 'running' });
    }
  }

  async finish(
    id: string,
    status: EvaluationStatus,
    now: Date,
    failureReason?: string,
  ) {
    await this.db(JOBS)
      .where('id', id)
      .update({
        status,
        finished_at: now.toISOString(),
        failure_reason: failureReason ?? null,
        active_key: null,
      });
  }

  /** Marks failed the jobs running for longer than the timeout (see `expireRunning`). */
  async expireOverdue(now: Date): Promise<number> {
    return this.expireRunning(new Date(now.getTime() - this.timeoutMs), now);
  }

  /**
   * Marks failed the jobs running since before `startedBefore`: the replica that claimed them
   * stopped (a job never runs longer than the job task's timeout). They are not queued again:
   * a job that brought its replica down would bring down the next one too, and the scheduled
   * full evaluation catches up anyway. Returns how many expired.
   */
  async expireRunning(startedBefore: Date, now: Date): Promise<number> {
    const cutoff = startedBefore.toISOString();
    return this.db(JOBS)
      .where('status', 'running')
      .andWhere(query =>
        query
          .where('started_at', '<', cutoff)
          // Jobs claimed before started_at existed.
          .orWhere(legacy =>
            legacy.whereNull('started_at').andWhere('created_at', '<', cutoff),
          ),
      )
      .update({
        status: 'failed',
        finished_at: now.toISOString(),
        failure_reason: EXPIRED_REASON,
        active_key: null,
      });
  }
}

function fromRow(row: any): Evaluation {
  return {
    id: row.id,
    entityRef: row.entity_ref ?? null,
    status: row.status,
    requestedBy: row.requested_by ?? null,
    createdAt: row.created_at,
    finishedAt: row.finished_at ?? null,
    failureReason: row.failure_reason ?? null,
  };
}
