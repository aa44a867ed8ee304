import { Knex } from 'knex';
import { randomUUID } from 'node:crypto';
import { isDatabaseConflictError } from '@backstage/backend-plugin-api';
import { ConflictError, NotFoundError } from '@backstage/errors';
import {
  Campaign,
  CampaignAnnouncement,
  CampaignRequest,
} from '@mandate-dev/plugin-mandate-common';

const CAMPAIGNS = 'mandate_campaigns';

/**
 * Work that must commit or roll back with a campaign change, e.g. rescoring the services when
 * an announcement changes; it must use the transaction it is given for every query.
 */
export type CampaignFollowUp = (tx: Knex.Transaction) => Promise<unknown>;

/**
 * Campaigns. Archiving stamps a campaign instead of deleting it, so its history stays
 * readable; an archived campaign no longer announces its rule.
 */
export class CampaignStore {
  constructor(private readonly db: Knex) {}

  async create(
    request: CampaignRequest,
    createdBy: string,
    now: Date,
    followUp?: CampaignFollowUp,
  ): Promise<Campaign> {
    const at = now.toISOString();
    const campaign: Campaign = {
      ...request,
      id: randomUUID(),
      createdAt: at,
      createdBy,
      updatedAt: at,
      archivedAt: null,
    };
    await this.db.transaction(async tx => {
      await uniqueName(request.name, () =>
        tx(CAMPAIGNS).insert({
          ...toRow(campaign),
          enforcement_applied: enforcedBy(request, at),
        }),
      );
      await followUp?.(tx);
    });
    return campaign;
  }

  /** Replaces what the campaign is made of; NotFoundError for an unknown or archived one. */
  async update(
    id: string,
    request: CampaignRequest,
    now: Date,
    followUp?: CampaignFollowUp,
  ): Promise<Campaign> {
    const at = now.toISOString();
    return this.db.transaction(async tx => {
      const existing = await this.#getOpen(id, tx);
      const campaign: Campaign = { ...existing, ...request, updatedAt: at };
      if (!request.announces) delete campaign.announces;
      await uniqueName(request.name, () =>
        tx(CAMPAIGNS)
          .where('id', id)
          .update({
            ...toRow(campaign),
            enforcement_applied: enforcedBy(request, at),
          }),
      );
      await followUp?.(tx);
      return campaign;
    });
  }

  async archive(
    id: string,
    now: Date,
    followUp?: CampaignFollowUp,
  ): Promise<void> {
    await this.db.transaction(async tx => {
      await this.#getOpen(id, tx);
      await tx(CAMPAIGNS)
        .where('id', id)
        .update({ archived_at: now.toISOString() });
      await followUp?.(tx);
    });
  }

  async get(id: string): Promise<Campaign | undefined> {
    const row = await this.db(CAMPAIGNS).where('id', id).first();
    return row ? fromRow(row) : undefined;
  }

  /** The campaigns not archived, by deadline then name. */
  async list(): Promise<Campaign[]> {
    const rows = await this.db(CAMPAIGNS)
      .whereNull('archived_at')
      .orderBy(['deadline', 'name', 'id']);
    return rows.map(fromRow);
  }

  /** Whether a campaign of this name exists (archived ones included), for idempotent seeding. */
  async hasName(name: string): Promise<boolean> {
    return Boolean(await this.db(CAMPAIGNS).where('name', name).first());
  }

  /** The rules the open campaigns announce, whatever their day. */
  async announcements(tx?: Knex.Transaction): Promise<CampaignAnnouncement[]> {
    const rows = await (tx ?? this.db)(CAMPAIGNS)
      .whereNull('archived_at')
      .whereNotNull('announce_rule_id')
      .select('announce_rule_id', 'announce_enforced_from');
    return rows.map(row => ({
      ruleId: row.announce_rule_id,
      enforcedFrom: row.announce_enforced_from,
    }));
  }

  /**
   * Marks the announcements whose enforcement day has come (by `now`) as applied and runs
   * `followUp` (the rescore) in the same transaction: if it fails, they stay unmarked and the
   * next run retries. Returns the ids of the campaigns it marked.
   */
  async takeReachedEnforcements(
    now: Date,
    followUp: CampaignFollowUp,
  ): Promise<string[]> {
    const day = now.toISOString().slice(0, 10);
    return this.db.transaction(async tx => {
      const rows = await tx(CAMPAIGNS)
        .where('enforcement_applied', false)
        .whereNull('archived_at')
        .whereNotNull('announce_enforced_from')
        .where('announce_enforced_from', '<=', day)
        .select('id');
      if (rows.length === 0) return [];
      const ids = rows.map(row => row.id as string);
      await tx(CAMPAIGNS)
        .whereIn('id', ids)
        .update({ enforcement_applied: true });
      await followUp(tx);
      return ids;
    });
  }

  async #getOpen(id: string, tx: Knex.Transaction): Promise<Campaign> {
    const row = await tx(CAMPAIGNS)
      .where('id', id)
      .whereNull('archived_at')
      .first();
    if (!row) throw new NotFoundError(`No campaign with id ${id}`);
    return fromRow(row);
  }
}

/** Names are unique (archived campaigns included): a second one gets ConflictError (409). */
async function uniqueName(name: string, write: () => Promise<unknown>) {
  try {
    await write();
  } catch (error) {
    if (!isDatabaseConflictError(error)) throw error;
    throw new ConflictError(`A campaign named ${JSON.stringify(name)} exists`);
  }
}

/**
 * Whether the rescore that goes with this change already applies the enforcement: true with
 * no announcement, or when its day has come by `at`.
 */
function enforcedBy(request: CampaignRequest, at: string): boolean {
  return (
    !request.announces || request.announces.enforcedFrom <= at.slice(0, 10)
  );
}

function toRow(campaign: Campaign) {
  return {
    id: campaign.id,
    name: campaign.name,
    goal: JSON.stringify(campaign.goal),
    scope: JSON.stringify(campaign.scope),
    deadline: campaign.deadline,
    owner: campaign.owner,
    announce_rule_id: campaign.announces?.ruleId ?? null,
    announce_enforced_from: campaign.announces?.enforcedFrom ?? null,
    created_at: campaign.createdAt,
    created_by: campaign.createdBy,
    updated_at: campaign.updatedAt,
    archived_at: campaign.archivedAt,
  };
}

function fromRow(row: any): Campaign {
  return {
    id: row.id,
    name: row.name,
    goal: JSON.parse(row.goal),
    scope: JSON.parse(row.scope),
    deadline: row.deadline,
    owner: row.owner,
    ...(row.announce_rule_id
      ? {
          announces: {
            ruleId: row.announce_rule_id,
            enforcedFrom: row.announce_enforced_from,
          },
        }
      : {}),
    createdAt: row.created_at,
    createdBy: row.created_by,
    updatedAt: row.updated_at,
    archivedAt: row.archived_at ?? null,
  };
}
