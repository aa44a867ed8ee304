import { TIERS } from '@mandate-dev/plugin-mandate-common';
import { AnnotationCheck } from './AnnotationCheck';

/**
 * `mandate.dev/tier`: exactly one of the four tiers. Matching is exact (no trimming, no case
 * folding) because the rules read it exactly; `Critical` would silently count as no tier.
 * The list is the one the engine's `readTier` uses; `readTier` itself reads a whole
 * `SnapshotEntity`, not a single value, so the membership test is restated here.
 */
export const checkTier: AnnotationCheck = value =>
  (TIERS as readonly string[]).includes(value)
    ? []
    : [`is not one of ${TIERS.join(', ')}`];
