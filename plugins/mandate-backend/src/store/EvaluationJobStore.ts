import { Knex } from 'knex';
import { randomUUID } from 'node:crypto';
import { Evaluation, EvaluationStatus } from '@internal/plugin-mandate-common';

const JOBS = 'mandate_evaluations';

/**
 * On-demand evaluations. Requests are queued in the database and taken by whichever replica
 * runs the (globally scheduled) job task, so two replicas never run the same job.
 */
export class EvaluationJobStore {
  constructor(private readonly db: Knex) {}

  async enqueue(entityRef: string | null, requestedBy: string | null, now: Date) {
    const job: Evaluation = {
      id: randomUUID(),
      entityRef,
      status: 'queued',
      requestedBy,
      createdAt: now.toISOString(),
      finishedAt: null,
      failureReason: null,
    };
    await this.db(JOBS).insert({
      id: job.id,
      entity_ref: entityRef,
      status: job.status,
      requested_by: requestedBy,
      created_at: job.createdAt,
    });
    return job;
  }

  async get(id: string): Promise<Evaluation | undefined> {
    const row = await this.db(JOBS).where('id', id).first();
    return row ? fromRow(row) : undefined;
  }

  /** Claims every queued job (oldest first), marking them running. */
  async claimQueued(): Promise<Evaluation[]> {
    return this.db.transaction(async tx => {
      const rows = await tx(JOBS).where('status', 'queued').orderBy('created_at');
      if (rows.length === 0) return [];
      await tx(JOBS)
        .whereIn('id', rows.map(r => r.id))
        .update({ status: 'running' });
      return rows.map(row => fromRow({ ...row, status: 'running' }));
    });
  }

  async finish(id: string, status: EvaluationStatus, now: Date, failureReason?: string) {
    await this.db(JOBS)
      .where('id', id)
      .update({ status, finished_at: now.toISOString(), failure_reason: failureReason ?? null });
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
