import { Tier, TIERS } from '@mandate-dev/plugin-mandate-common';
import { SnapshotEntity } from '../catalog';
import { MANDATE_ANNOTATIONS } from './mandateAnnotations';

/** The entity's tier when it is one of the four, exactly and lower-case; else undefined. @public */
export function readTier(entity: SnapshotEntity): Tier | undefined {
  const value = entity.annotations[MANDATE_ANNOTATIONS.tier];
  return (TIERS as readonly string[]).includes(value)
    ? (value as Tier)
    : undefined;
}

/**
 * 0 = critical ... 3 = low. A service with no (or an invalid) tier counts as `low` where it is
 * judged as a neighbour by rank (the critical-isolation rule); the tier-inversion rule treats it
 * as an offence of its own.
 *
 * @public
 */
export function tierRank(tier: Tier | undefined): number {
  return tier === undefined ? TIERS.length - 1 : TIERS.indexOf(tier);
}
