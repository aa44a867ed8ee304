import { Waiver } from './Waiver';

/** Looks up the waiver that covers a result, ignoring expired ones. @public */
export type WaiverLookup = (
  entityRef: string,
  ruleId: string,
) => Waiver | undefined;

/**
 * Indexes the waivers still in force at `now`; of several for the same entity and rule the
 * one expiring last wins. An expired waiver stops counting without anyone touching it.
 *
 * @public
 */
export function indexWaivers(
  waivers: readonly Waiver[],
  now: Date,
): WaiverLookup {
  const active = new Map<
    string,
    Map<string, { waiver: Waiver; expires: number }>
  >();
  for (const waiver of waivers) {
    const expires = new Date(waiver.expiresAt).getTime();
    if (!(expires > now.getTime())) continue; // expired, or an unreadable date
    if (waiver.revokedAt) continue;
    const entityRef = waiver.entityRef.toLowerCase();
    let byRule = active.get(entityRef);
    if (!byRule) {
      byRule = new Map();
      active.set(entityRef, byRule);
    }
    const current = byRule.get(waiver.ruleId);
    if (!current || current.expires < expires)
      byRule.set(waiver.ruleId, { waiver, expires });
  }
  return (entityRef, ruleId) => active.get(entityRef)?.get(ruleId)?.waiver;
}
