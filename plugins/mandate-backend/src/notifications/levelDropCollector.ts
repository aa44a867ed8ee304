import { LevelChangeStore } from '../store/LevelChangeStore';
import { DigestItemCollector } from './DigestItem';
import { shortRef } from './shortRef';

const DAY_MS = 24 * 60 * 60 * 1000;

/**
 * The services that dropped a level, told to their owning team. Drops older than `lookbackDays`
 * are no longer news (e.g. notifications were off then), so they are not sent late.
 */
export function levelDropCollector(
  changes: LevelChangeStore,
  lookbackDays = 2,
): DigestItemCollector {
  return {
    kind: 'level-drop',
    async collect(now) {
      const drops = await changes.dropsSince(
        new Date(now.getTime() - lookbackDays * DAY_MS),
      );
      return drops.flatMap(drop =>
        drop.owner
          ? [
              {
                kind: 'level-drop',
                key: `level-drop:${drop.id}`,
                recipient: drop.owner,
                text: `${shortRef(drop.entityRef)} dropped from ${
                  drop.from
                } to ${drop.to}`,
              },
            ]
          : [],
      );
    },
  };
}
