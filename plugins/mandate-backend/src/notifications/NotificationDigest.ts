import { LoggerService } from '@backstage/backend-plugin-api';
import { parseEntityRef } from '@backstage/catalog-model';
import { NotificationService } from '@backstage/plugin-notifications-node';
import { DigestItem, DigestItemCollector } from './DigestItem';
import { DigestStore } from './DigestStore';
import { shortRef } from './shortRef';

/**
 * The daily digest: gathers the items of every kind, and sends each team at most one
 * notification per day (UTC) with what it was not told about yet. Items that come after the
 * day's digest wait for the next day's.
 */
export class NotificationDigest {
  constructor(
    private readonly deps: {
      collectors: DigestItemCollector[];
      store: DigestStore;
      notifications: NotificationService;
      logger: LoggerService;
    },
  ) {}

  /** Returns the number of digests sent. */
  async run(now: Date): Promise<number> {
    const items = (
      await Promise.all(this.deps.collectors.map(c => c.collect(now)))
    ).flat();
    const byRecipient = new Map<string, DigestItem[]>();
    for (const item of items) {
      const list = byRecipient.get(item.recipient) ?? [];
      list.push(item);
      byRecipient.set(item.recipient, list);
    }
    const day = now.toISOString().slice(0, 10);
    let sent = 0;
    for (const [recipient, teamItems] of byRecipient) {
      try {
        const fresh = await this.deps.store.sendOnce(
          recipient,
          day,
          teamItems,
          now,
          told =>
            this.deps.notifications.send(
              digestNotification(recipient, day, told),
            ),
        );
        if (fresh.length > 0) sent += 1;
      } catch (error) {
        // One team's failure must not keep the others from their digest; it is retried next run.
        this.deps.logger.warn(
          `Could not send the Mandate digest to ${recipient}: ${
            (error as Error).message
          }`,
        );
      }
    }
    return sent;
  }
}

/** The notification of one team's digest: one line per item, drops first. */
export function digestNotification(
  recipient: string,
  day: string,
  items: DigestItem[],
) {
  const drops = items.filter(item => item.kind === 'level-drop');
  const ordered = [
    ...drops,
    ...items.filter(item => item.kind !== 'level-drop'),
  ];
  return {
    recipients: { type: 'entity' as const, entityRef: recipient },
    payload: {
      title: `Mandate: ${items.length} ${
        items.length === 1 ? 'update' : 'updates'
      } for ${shortRef(recipient)}`,
      description: ordered.map(item => `- ${item.text}`).join('\n'),
      link: teamPage(recipient),
      severity: drops.length > 0 ? ('high' as const) : ('normal' as const),
      topic: 'mandate',
      // A notification of the same scope replaces the earlier one for a user: one per day.
      scope: `mandate-digest:${day}`,
    },
  };
}

function teamPage(ref: string): string {
  try {
    const { kind, namespace, name } = parseEntityRef(ref);
    return `/catalog/${namespace}/${kind.toLowerCase()}/${name}/mandate`;
  } catch {
    return '/mandate';
  }
}
