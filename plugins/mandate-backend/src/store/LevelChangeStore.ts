import { Knex } from 'knex';
import {
  EntityReport,
  Level,
  LEVELS,
} from '@mandate-dev/plugin-mandate-common';

const CHANGES = 'mandate_level_changes';
const CHUNK = 200;

/** A service's level moved between two stored evaluations (or rescores). */
export interface LevelChange {
  id: number;
  entityRef: string;
  /** The owner the service had after the change (the team to tell). */
  owner: string | null;
  from: Level;
  to: Level;
  /** When the result that changed the level was stored (ISO time). */
  at: string;
}

/** ref -> the level a service had before a write replaced its row. */
export type PreviousLevels = Map<string, Level>;

/** True when `to` is a lower level than `from`. */
export function isDrop(change: Pick<LevelChange, 'from' | 'to'>): boolean {
  return LEVELS.indexOf(change.to) < LEVELS.indexOf(change.from);
}

/**
 * The level changes, written by the results writers in their own transaction: a change exists
 * exactly when the results that make it are committed. The rows are the outbox of the
 * `mandate.level-changed` events and what the digests read their level drops from.
 */
export class LevelChangeStore {
  constructor(private readonly db: Knex) {}

  /**
   * Records, in `tx`, the services whose level differs from the one they had before. A service
   * seen for the first time or removed has no change.
   */
  static async record(
    tx: Knex.Transaction,
    previous: PreviousLevels,
    reports: readonly EntityReport[],
    at: string,
  ): Promise<void> {
    const rows = reports.flatMap(report => {
      const from = previous.get(report.entityRef);
      if (from === undefined || from === report.level) return [];
      return [
        {
          entity_ref: report.entityRef,
          owner: report.owner,
          from_level: from,
          to_level: report.level,
          changed_at: at,
          published_at: null,
        },
      ];
    });
    for (let i = 0; i < rows.length; i += CHUNK)
      await tx(CHANGES).insert(rows.slice(i, i + CHUNK));
  }

  /** The changes not yet published as events, oldest first. */
  async unpublished(limit: number): Promise<LevelChange[]> {
    const rows = await this.db(CHANGES)
      .whereNull('published_at')
      .orderBy('id')
      .limit(limit);
    return rows.map(fromRow);
  }

  async markPublished(ids: number[], at: Date): Promise<void> {
    for (let i = 0; i < ids.length; i += CHUNK) {
      await this.db(CHANGES)
        .whereIn('id', ids.slice(i, i + CHUNK))
        .update({ published_at: at.toISOString() });
    }
  }

  /** The drops stored at or after `since`, oldest first. */
  async dropsSince(since: Date): Promise<LevelChange[]> {
    const rows = await this.db(CHANGES)
      .where('changed_at', '>=', since.toISOString())
      .orderBy('id');
    return rows.map(fromRow).filter(isDrop);
  }

  /** Forgets the changes stored before `before` (published or not: they are history by then). */
  async prune(before: Date): Promise<number> {
    return this.db(CHANGES)
      .where('changed_at', '<', before.toISOString())
      .delete();
  }
}

function fromRow(row: any): LevelChange {
  return {
    id: Number(row.id),
    entityRef: row.entity_ref,
    owner: row.owner ?? null,
    from: row.from_level,
    to: row.to_level,
    at: row.changed_at,
  };
}
