import { Knex } from 'knex';
import { isDatabaseConflictError } from '@backstage/backend-plugin-api';
import { DigestItem } from './DigestItem';

const DIGESTS = 'mandate_digests';
const ITEMS = 'mandate_digest_items';
const CHUNK = 200;

/**
 * What was sent: one digest per recipient and day (the primary key refuses a second one, also
 * from another replica) and the items each recipient was told about, so none is told twice.
 */
export class DigestStore {
  constructor(private readonly db: Knex) {}

  /**
   * Sends the items a recipient was not told about yet, unless it already had its digest of
   * `day`. The digest is recorded and sent in one transaction: if sending fails nothing is
   * recorded and the next run tries again. Returns the items sent (none: nothing was sent).
   */
  async sendOnce(
    recipient: string,
    day: string,
    items: DigestItem[],
    at: Date,
    send: (fresh: DigestItem[]) => Promise<void>,
  ): Promise<DigestItem[]> {
    try {
      return await this.db.transaction(async tx => {
        if (await tx(DIGESTS).where({ recipient, day }).first()) return [];
        const told = new Set<string>();
        const keys = items.map(item => item.key);
        for (let i = 0; i < keys.length; i += CHUNK) {
          const rows = await tx(ITEMS)
            .where('recipient', recipient)
            .whereIn('item_key', keys.slice(i, i + CHUNK))
            .select('item_key');
          for (const row of rows) told.add(row.item_key);
        }
        const fresh = items.filter(item => !told.has(item.key));
        if (fresh.length === 0) return [];
        await tx(DIGESTS).insert({
          recipient,
          day,
          sent_at: at.toISOString(),
          items: fresh.length,
        });
        const rows = fresh.map(item => ({
          recipient,
          item_key: item.key,
          day,
        }));
        for (let i = 0; i < rows.length; i += CHUNK)
          await tx(ITEMS).insert(rows.slice(i, i + CHUNK));
        await send(fresh);
        return fresh;
      });
    } catch (error) {
      // Another replica recorded the same digest first: it sends it.
      if (isDatabaseConflictError(error)) return [];
      throw error;
    }
  }

  /** Forgets digests and told items of days before `beforeDay`. */
  async prune(beforeDay: string): Promise<void> {
    await this.db(ITEMS).where('day', '<', beforeDay).delete();
    await this.db(DIGESTS).where('day', '<', beforeDay).delete();
  }
}
