import { Knex } from 'knex';
import { randomUUID } from 'node:crypto';
import { isDatabaseConflictError } from '@backstage/backend-plugin-api';
import { ConflictError, NotFoundError } from '@backstage/errors';
import {
  Waiver,
  WAIVER_EXPIRING_DAYS,
  WaiverQuery,
  WaiverRequest,
  WaiverState,
} from '@mandate-dev/plugin-mandate-common';

const WAIVERS = 'mandate_waivers';
const AUDIT = 'mandate_audit';
const DAY_MS = 24 * 60 * 60 * 1000;

/** What was decided, as stored; `active` and `expired` are read from it with the clock. */
type StoredState = 'requested' | 'approved' | 'denied' | 'revoked';

/** GET /waivers filters as the store takes them: refs already normalised. */
export type WaiverListFilter = Omit<WaiverQuery, 'owner'> & {
  /** Only waivers of these services (e.g. a team's), when given. */
  entityRefs?: readonly string[];
};

export interface AuditEntry {
  at: string;
  actor: string;
  action: 'create' | 'request' | 'approve' | 'deny' | 'revoke';
  waiverId: string;
  details: Record<string, unknown>;
}

/**
 * Work that must commit or roll back together with a waiver change, e.g. rescoring the
 * entity; it must use the transaction it is given for every query.
 */
export type WaiverFollowUp = (
  tx: Knex.Transaction,
  waiver: Waiver,
) => Promise<unknown>;

/**
 * Waivers, requests for them and their audit trail. A waiver is never deleted: it goes from
 * requested to approved or denied, and from approved to revoked (or it is granted approved at
 * once); the audit table records who requested, created, approved, denied or revoked what and
 * when. Only approved waivers that have not expired or been revoked count. The database keeps at most one open
 * waiver per (entity, rule) (see the migration `one_open_waiver`): a waiver is open until it
 * is revoked, or until it has expired and was replaced or rescored (`closed_at`).
 */
export class WaiverStore {
  constructor(private readonly db: Knex) {}

  /**
   * Grants a waiver at once: approved by `grantedBy`, who also counts as its requester. Closes
   * an expired predecessor for the same rule first; the database refuses a second open one
   * (ConflictError), also between concurrent requests.
   */
  async create(
    request: WaiverRequest,
    grantedBy: string,
    now: Date,
    followUp?: WaiverFollowUp,
  ): Promise<Waiver> {
    return this.#insert(request, grantedBy, 'approved', now, followUp);
  }

  /**
   * Files a request that counts only once approved; it holds the (entity, rule) slot like a
   * waiver, so a second open request or waiver is refused (ConflictError).
   */
  async request(
    request: WaiverRequest,
    requestedBy: string,
    now: Date,
  ): Promise<Waiver> {
    return this.#insert(request, requestedBy, 'requested', now);
  }

  async #insert(
    request: WaiverRequest,
    actor: string,
    state: 'approved' | 'requested',
    now: Date,
    followUp?: WaiverFollowUp,
  ): Promise<Waiver> {
    const createdAt = now.toISOString();
    const row = {
      id: randomUUID(),
      entity_ref: request.entityRef,
      rule_id: request.ruleId,
      reason: request.reason,
      // The column is not nullable: it holds the requester until an approval names the approver.
      granted_by: actor,
      created_at: createdAt,
      expires_at: new Date(request.expiresAt).toISOString(),
      revoked_at: null,
      revoked_by: null,
      state,
      requested_by: actor,
      decided_by: state === 'approved' ? actor : null,
      decided_at: state === 'approved' ? createdAt : null,
      decision_comment: null,
    };
    const waiver = fromRow(row, now);
    await this.db.transaction(async tx => {
      await tx(WAIVERS)
        .where({ entity_ref: row.entity_ref, rule_id: row.rule_id })
        .whereNull('closed_at')
        .where('expires_at', '<=', createdAt)
        .update({ closed_at: tx.ref('expires_at') });
      try {
        await tx(WAIVERS).insert({ ...row, expiry_applied: false });
      } catch (error) {
        if (!isDatabaseConflictError(error)) throw error;
        throw new ConflictError(
          `${row.entity_ref} already has a waiver for ${row.rule_id}`,
        );
      }
      const { mode: _mode, ...details } = request;
      await tx(AUDIT).insert(
        auditRow({
          at: createdAt,
          actor,
          action: state === 'approved' ? 'create' : 'request',
          waiverId: row.id,
          details,
        }),
      );
      await followUp?.(tx, waiver);
    });
    return waiver;
  }

  /**
   * Approves a request that has not expired: it counts from now on. ConflictError when it is
   * not a pending request (already decided, or its expiry passed first).
   */
  async approve(
    id: string,
    approvedBy: string,
    now: Date,
    comment?: string,
    followUp?: WaiverFollowUp,
  ): Promise<Waiver> {
    return this.#decide(id, 'approved', approvedBy, now, comment, followUp);
  }

  /** Denies a pending request, freeing the (entity, rule) slot; ConflictError otherwise. */
  async deny(
    id: string,
    deniedBy: string,
    now: Date,
    comment?: string,
  ): Promise<Waiver> {
    return this.#decide(id, 'denied', deniedBy, now, comment);
  }

  async #decide(
    id: string,
    decision: 'approved' | 'denied',
    by: string,
    now: Date,
    comment: string | undefined,
    followUp?: WaiverFollowUp,
  ): Promise<Waiver> {
    return this.db.transaction(async tx => {
      const row = await tx(WAIVERS).where('id', id).first();
      if (!row) throw new NotFoundError(`No waiver with id ${id}`);
      const at = now.toISOString();
      const verb = decision === 'approved' ? 'approve' : 'deny';
      const current = stateOf(row, now);
      if (current !== 'requested')
        throw new ConflictError(
          `Cannot ${verb} waiver ${id}: it is ${current}, not requested`,
        );
      const changes = {
        state: decision,
        decided_by: by,
        decided_at: at,
        decision_comment: comment ?? null,
        ...(decision === 'approved' ? { granted_by: by } : { closed_at: at }),
      };
      // A concurrent decision on the same request finds the state changed and updates nothing.
      const updated = await tx(WAIVERS)
        .where('id', id)
        .where('state', 'requested')
        .where('expires_at', '>', at)
        .update(changes);
      if (updated === 0)
        throw new ConflictError(
          `Cannot ${verb} waiver ${id}: it was decided meanwhile`,
        );
      await tx(AUDIT).insert(
        auditRow({
          at,
          actor: by,
          action: verb,
          waiverId: id,
          details: comment ? { comment } : {},
        }),
      );
      const decided = fromRow({ ...row, ...changes }, now);
      await followUp?.(tx, decided);
      return decided;
    });
  }

  async revoke(
    id: string,
    revokedBy: string,
    now: Date,
    followUp?: WaiverFollowUp,
  ): Promise<Waiver> {
    return this.db.transaction(async tx => {
      const row = await tx(WAIVERS).where('id', id).first();
      if (!row) throw new NotFoundError(`No waiver with id ${id}`);
      if (row.revoked_at)
        throw new ConflictError(`Waiver ${id} was already revoked`);
      // Only a granted waiver is revoked; a request is approved or denied.
      if (row.state !== 'approved')
        throw new ConflictError(
          `Cannot revoke waiver ${id}: it is ${stateOf(
            row,
            now,
          )}, not approved`,
        );
      const at = now.toISOString();
      // A concurrent revoke of the same waiver finds revoked_at set and updates nothing.
      const updated = await tx(WAIVERS)
        .where('id', id)
        .whereNull('revoked_at')
        .where('state', 'approved')
        .update({
          state: 'revoked',
          revoked_at: at,
          revoked_by: revokedBy,
          closed_at: row.closed_at ?? at,
        });
      if (updated === 0)
        throw new ConflictError(`Waiver ${id} was already revoked`);
      await tx(AUDIT).insert(
        auditRow({
          at,
          actor: revokedBy,
          action: 'revoke',
          waiverId: id,
          details: {},
        }),
      );
      const revoked = fromRow(
        {
          ...row,
          state: 'revoked',
          revoked_at: at,
          revoked_by: revokedBy,
        },
        now,
      );
      await followUp?.(tx, revoked);
      return revoked;
    });
  }

  async get(id: string, now: Date): Promise<Waiver | undefined> {
    const row = await this.db(WAIVERS).where('id', id).first();
    return row ? fromRow(row, now) : undefined;
  }

  /** Approved waivers not revoked, closed or expired at `now`, of one entity or all: those that count. */
  async active(
    now: Date,
    entityRef?: string,
    tx?: Knex.Transaction,
  ): Promise<Waiver[]> {
    const query = (tx ?? this.db)(WAIVERS)
      .where('state', 'approved')
      .whereNull('revoked_at')
      .whereNull('closed_at')
      .where('expires_at', '>', now.toISOString())
      .orderBy('created_at');
    if (entityRef) query.where('entity_ref', entityRef);
    return (await query).map(row => fromRow(row, now));
  }

  /**
   * Waivers and requests in every state, newest first, narrowed by the filter; the state is
   * read at `now` (`expiring`: active and expiring within WAIVER_EXPIRING_DAYS days).
   */
  async list(filter: WaiverListFilter, now: Date): Promise<Waiver[]> {
    const at = now.toISOString();
    const query = this.db(WAIVERS).orderBy([
      { column: 'created_at', order: 'desc' },
      { column: 'id', order: 'desc' },
    ]);
    if (filter.entityRef) query.where('entity_ref', filter.entityRef);
    if (filter.ruleId) query.where('rule_id', filter.ruleId);
    if (filter.entityRefs) {
      if (filter.entityRefs.length === 0) return [];
      query.whereIn('entity_ref', [...filter.entityRefs]);
    }
    switch (filter.state) {
      case 'requested':
        query.where('state', 'requested').where('expires_at', '>', at);
        break;
      case 'active':
        query.where('state', 'approved').where('expires_at', '>', at);
        break;
      case 'expiring':
        query
          .where('state', 'approved')
          .where('expires_at', '>', at)
          .where(
            'expires_at',
            '<=',
            new Date(
              now.getTime() + WAIVER_EXPIRING_DAYS * DAY_MS,
            ).toISOString(),
          );
        break;
      case 'expired':
        query
          .whereIn('state', ['approved', 'requested'])
          .where('expires_at', '<=', at);
        break;
      case 'denied':
      case 'revoked':
        query.where('state', filter.state);
        break;
      default:
    }
    return (await query).map(row => fromRow(row, now));
  }

  /**
   * The entities whose waivers expired since they were last rescored, marking them done and
   * closed. Their scores must be recomputed: an expired waiver stops counting by itself. With
   * a follow-up (the rescore), the marks commit only if it succeeds, so a failed rescore is
   * retried by the next run instead of being lost.
   */
  async takeNewlyExpired(
    now: Date,
    followUp?: (entityRefs: string[], tx: Knex.Transaction) => Promise<unknown>,
  ): Promise<string[]> {
    return this.db.transaction(async tx => {
      const rows = await tx(WAIVERS)
        .where('expiry_applied', false)
        .where('state', 'approved')
        .whereNull('revoked_at')
        .where('expires_at', '<=', now.toISOString())
        .select('id', 'entity_ref');
      if (rows.length === 0) return [];
      await tx(WAIVERS)
        .whereIn(
          'id',
          rows.map(r => r.id),
        )
        .update({
          expiry_applied: true,
          closed_at: tx.raw('coalesce(??, ??)', ['closed_at', 'expires_at']),
        });
      const entityRefs = [...new Set(rows.map(r => r.entity_ref as string))];
      await followUp?.(entityRefs, tx);
      return entityRefs;
    });
  }

  async audit(waiverId?: string): Promise<AuditEntry[]> {
    const query = this.db(AUDIT).orderBy('id');
    if (waiverId) query.where('waiver_id', waiverId);
    return (await query).map(row => ({
      at: row.at,
      actor: row.actor,
      action: row.action,
      waiverId: row.waiver_id,
      details: JSON.parse(row.details),
    }));
  }
}

/** The state at `now`: an approved or pending waiver whose expiry passed is expired. */
function stateOf(row: any, now: Date): WaiverState {
  const stored = row.state as StoredState;
  if (stored === 'denied' || stored === 'revoked') return stored;
  if (new Date(row.expires_at).getTime() <= now.getTime()) return 'expired';
  return stored === 'approved' ? 'active' : 'requested';
}

function fromRow(row: any, now: Date): Waiver {
  const stored = row.state as StoredState;
  const approved = stored === 'approved' || stored === 'revoked';
  return {
    id: row.id,
    entityRef: row.entity_ref,
    ruleId: row.rule_id,
    reason: row.reason,
    grantedBy: approved ? row.granted_by : '',
    createdAt: row.created_at,
    expiresAt: row.expires_at,
    revokedAt: row.revoked_at ?? null,
    revokedBy: row.revoked_by ?? null,
    state: stateOf(row, now),
    requestedBy: row.requested_by ?? row.granted_by,
    decidedBy: row.decided_by ?? null,
    decidedAt: row.decided_at ?? null,
    decisionComment: row.decision_comment ?? null,
  };
}

function auditRow(entry: AuditEntry) {
  return {
    at: entry.at,
    actor: entry.actor,
    action: entry.action,
    waiver_id: entry.waiverId,
    details: JSON.stringify(entry.details),
  };
}
