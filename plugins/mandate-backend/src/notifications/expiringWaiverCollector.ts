import { ResultStore } from '../store/ResultStore';
import { WaiverStore } from '../store/WaiverStore';
import { DigestItemCollector } from './DigestItem';
import { shortRef } from './shortRef';

const DAY_MS = 24 * 60 * 60 * 1000;

/**
 * The waivers in force that expire within `withinDays`, told to the team that owns the waived
 * service: once per waiver, so that it has time to fix the rule or ask for a new waiver.
 */
export function expiringWaiverCollector(
  waivers: WaiverStore,
  results: ResultStore,
  withinDays: number,
): DigestItemCollector {
  return {
    kind: 'waiver-expiring',
    async collect(now) {
      const until = new Date(now.getTime() + withinDays * DAY_MS).toISOString();
      const expiring = (await waivers.active(now)).filter(
        waiver => waiver.expiresAt <= until,
      );
      if (expiring.length === 0) return [];
      const owners = new Map(
        (
          await results.getMany([...new Set(expiring.map(w => w.entityRef))])
        ).map(stored => [stored.report.entityRef, stored.report.owner]),
      );
      return expiring.flatMap(waiver => {
        const owner = owners.get(waiver.entityRef);
        return owner
          ? [
              {
                kind: 'waiver-expiring',
                key: `waiver-expiring:${waiver.id}`,
                recipient: owner,
                text: `the waiver of ${waiver.ruleId} for ${shortRef(
                  waiver.entityRef,
                )} expires on ${waiver.expiresAt.slice(0, 10)}`,
              },
            ]
          : [];
      });
    },
  };
}
