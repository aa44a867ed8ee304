import { Knex } from 'knex';
import { randomUUID } from 'node:crypto';
import { isDatabaseConflictError } from '@backstage/backend-plugin-api';
import { ConflictError, NotFoundError } from '@backstage/errors';
import { Waiver, WaiverRequest } from '@mandate-dev/plugin-mandate-common';

const WAIVERS = 'mandate_waivers';
const AUDIT = 'mandate_audit';

export interface AuditEntry {
  at: string;
  actor: string;
  action: 'create' | 'revoke';
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
 * Waivers and their audit trail. A waiver is never deleted: revoking stamps it, and the audit
 * table records who created or revoked what and when. The database keeps at most one open
 * waiver per (entity, rule) (see the migration `one_open_waiver`): a waiver is open until it
 * is revoked, or until it has expired and was replaced or rescored (`closed_at`).
 */
export class WaiverStore {
  constructor(private readonly db: Knex) {}

  /**
   * Creates a waiver, closing an expired predecessor for the same rule first; the database
   * refuses a second open one (ConflictError), also between concurrent requests.
   */
  async create(
    request: WaiverRequest,
    grantedBy: string,
    now: Date,
    followUp?: WaiverFollowUp,
  ): Promise<Waiver> {
    const waiver: Waiver = {
      id: randomUUID(),
      entityRef: request.entityRef,
      ruleId: request.ruleId,
      reason: request.reason,
      grantedBy,
      createdAt: now.toISOString(),
      expiresAt: new Date(request.expiresAt).toISOString(),
      revokedAt: null,
      revokedBy: null,
    };
    await this.db.transaction(async tx => {
      await tx(WAIVERS)
        .where({ entity_ref: waiver.entityRef, rule_id: waiver.ruleId })
        .whereNull('closed_at')
        .where('expires_at', '<=', waiver.createdAt)
        .update({ closed_at: tx.ref('expires_at') });
      try {
        await tx(WAIVERS).insert({ ...toRow(waiver), expiry_applied: false });
      } catch (error) {
        if (!isDatabaseConflictError(error)) throw error;
        throw new ConflictError(
          `${waiver.entityRef} already has a waiver for ${waiver.ruleId}`,
        );
      }
      await tx(AUDIT).insert(
        auditRow({
          at: waiver.createdAt,
          actor: grantedBy,
          action: 'create',
          waiverId: waiver.id,
          details: { ...request },
        }),
      );
      await followUp?.(tx, waiver);
    });
    return waiver;
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
      const at = now.toISOString();
      // A concurrent revoke of the same waiver finds revoked_at set and updates nothing.
      const updated = await tx(WAIVERS)
        .where('id', id)
        .whereNull('revoked_at')
        .update({
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
      const revoked = fromRow({
        ...row,
        revoked_at: at,
        revoked_by: revokedBy,
      });
      await followUp?.(tx, revoked);
      return revoked;
    });
  }

  async get(id: string): Promise<Waiver | undefined> {
    const row = await this.db(WAIVERS).where('id', id).first();
    return row ? fromRow(row) : undefined;
  }

  /** Waivers not revoked, closed or expired at `now`, of one entity or all. */
  async active(
    now: Date,
    entityRef?: string,
    tx?: Knex.Transaction,
  ): Promise<Waiver[]> {
    const query = (tx ?? this.db)(WAIVERS)
      .whereNull('revoked_at')
      .whereNull('closed_at')
      .where('expires_at', '>', now.toISOString())
      .orderBy('created_at');
    if (entityRef) query.where('entity_ref', entityRef);
    return (await query).map(fromRow);
  }

  /** Every waiver of an entity, revoked and expired ones included, newest first. */
  async list(entityRef?: string): Promise<Waiver[]> {
    const query = this.db(WAIVERS).orderBy('created_at', 'desc');
    if (entityRef) query.where('entity_ref', entityRef);
    return (await query).map(fromRow);
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

function toRow(waiver: Waiver) {
  return {
    id: waiver.id,
    entity_ref: waiver.entityRef,
    rule_id: waiver.ruleId,
    reason: waiver.reason,
    granted_by: waiver.grantedBy,
    created_at: waiver.createdAt,
    expires_at: waiver.expiresAt,
    revoked_at: waiver.revokedAt,
    revoked_by: waiver.revokedBy,
  };
}

function fromRow(row: any): Waiver {
  return {
    id: row.id,
    entityRef: row.entity_ref,
    ruleId: row.rule_id,
    reason: row.reason,
    grantedBy: row.granted_by,
    createdAt: row.created_at,
    expiresAt: row.expires_at,
    revokedAt: row.revoked_at ?? null,
    revokedBy: row.revoked_by ?? null,
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
