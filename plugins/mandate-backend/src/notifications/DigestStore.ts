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
   * `day`. The digest is first recorded (claimed) in a transaction, then sent outside it: a
   * send authenticates with this plugin's keys, which live in this database, and on SQLite's
   * single connection a send inside the transaction waited on itself until the pool gave up.
   * If sending fails the record is removed and the next run tries again; a process that stops
   * between the two skips that day's digest (at most one digest per recipient and day).
   * Returns the items sent (none: nothing was sent).
   */
  async sendOnce(
    recipient: string,
    day: string,
    items: DigestItem[],
    at: Date,
    send: (fresh: DigestItem[]) => Promise<void>,
  ): Promise<DigestItem[]> {
    const fresh = await this.#claim(recipient, day, items, at);
    if (fresh.length === 0) return [];
    try {
      await send(fresh);
    } catch (error) {
      await this.#release(recipient, day, fresh);
      throw error;
    }
    return fresh;
  }

  /** Records the digest of `day` with the items not told yet; none when there is nothing new. */
  async #claim(
    recipient: string,
    day: string,
    items: DigestItem[],
    at: Date,
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
        return fresh;
      });
    } catch (error) {
      // Another replica recorded the same digest first: it sends it.
      if (isDatabaseConflictError(error)) return [];
      throw error;
    }
  }

  /** Undoes a claim whose digest could not be sent. */
  async #release(recipient: string, day: string, items: DigestItem[]) {
    await this.db.transaction(async tx => {
      const keys = items.map(item => item.key);
      for (let i = 0; i < keys.length; i += CHUNK) {
        await tx(ITEMS)
          .where({ recipient, day })
          .whereIn('item_key', keys.slice(i, i + CHUNK))
          .delete();
      }
      await tx(DIGESTS).where({ recipient, day }).delete();
    });
  }

  /** Forgets digests and told items of days before `beforeDay`. */
  async prune(beforeDay: string): Promise<void> {
    await this.db(ITEMS).where('day', '<', beforeDay).delete();
    await this.db(DIGESTS).where('day', '<', beforeDay).delete();
  }
}
