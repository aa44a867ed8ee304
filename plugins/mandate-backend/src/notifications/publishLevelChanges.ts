import { EventsService } from '@backstage/plugin-events-node';
import {
  LevelChangedEventPayload,
  MANDATE_LEVEL_CHANGED_TOPIC,
} from '@mandate-dev/plugin-mandate-common';
import { LevelChangeStore } from '../store/LevelChangeStore';

const BATCH = 100;

/**
 * Publishes the recorded level changes that were not published yet, oldest first, as
 * `mandate.level-changed` events ({ entityRef, owner, from, to, at }), and marks them. A change
 * is marked only after it was published: after a crash between the two it is published again
 * (at least once). Returns how many were published.
 */
export async function publishLevelChanges(
  changes: LevelChangeStore,
  events: EventsService,
  now: () => Date = () => new Date(),
): Promise<number> {
  let published = 0;
  for (;;) {
    const batch = await changes.unpublished(BATCH);
    if (batch.length === 0) return published;
    for (const change of batch) {
      const payload: LevelChangedEventPayload = {
        entityRef: change.entityRef,
        owner: change.owner,
        from: change.from,
        to: change.to,
        at: change.at,
      };
      await events.publish({
        topic: MANDATE_LEVEL_CHANGED_TOPIC,
        eventPayload: payload,
      });
      await changes.markPublished([change.id], now());
      published += 1;
    }
  }
}
