import { Knex } from 'knex';
import { randomUUID } from 'node:crypto';
import { ConflictError, NotFoundError } from '@backstage/errors';
import { Waiver, WaiverRequest } from '@internal/plugin-mandate-common';

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
 * Waivers and their audit trail. A waiver is never deleted: revoking stamps it, and the audit
 * table records who created or revoked what and when.
 */
export class WaiverStore {
  constructor(private readonly db: Knex) {}

  async create(request: WaiverRequest, grantedBy: string, now: Date): Promise<Waiver> {
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
      await tx(WAIVERS).insert({ ...toRow(waiver), expiry_applied: false });
      await tx(AUDIT).insert(
        auditRow({ at: waiver.createdAt, actor: grantedBy, action: 'create', waiverId: waiver.id, details: { ...request } }),
      );
    });
    return waiver;
  }

  async revoke(id: string, revokedBy: string, now: Date): Promise<Waiver> {
    return this.db.transaction(async tx => {
      const row = await tx(WAIVERS).where('id', id).first();
      if (!row) throw new NotFoundError(`No waiver with id ${id}`);
      if (row.revoked_at) throw new ConflictError(`Waiver ${id} was already revoked`);
      const at = now.toISOString();
      await tx(WAIVERS).where('id', id).update({ revoked_at: at, revoked_by: revokedBy });
      await tx(AUDIT).insert(
        auditRow({ at, actor: revokedBy, action: 'revoke', waiverId: id, details: {} }),
      );
      return fromRow({ ...row, revoked_at: at, revoked_by: revokedBy });
    });
  }

  async get(id: string): Promise<Waiver | undefined> {
    const row = await this.db(WAIVERS).where('id', id).first();
    return row ? fromRow(row) : undefined;
  }

  /** Waivers not revoked and not expired at `now`, of one entity or all. */
  async active(now: Date, entityRef?: string): Promise<Waiver[]> {
    const query = this.db(WAIVERS)
      .whereNull('revoked_at')
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
   * The entities whose waivers expired since they were last rescored, marking them done.
   * Their scores must be recomputed: an expired waiver stops counting by itself.
   */
  async takeNewlyExpired(now: Date): Promise<string[]> {
    return this.db.transaction(async tx => {
      const rows = await tx(WAIVERS)
        .where('expiry_applied', false)
        .whereNull('revoked_at')
        .where('expires_at', '<=', now.toISOString())
        .select('id', 'entity_ref');
      if (rows.length === 0) return [];
      await tx(WAIVERS)
        .whereIn('id', rows.map(r => r.id))
        .update({ expiry_applied: true });
      return [...new Set(rows.map(r => r.entity_ref as string))];
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
