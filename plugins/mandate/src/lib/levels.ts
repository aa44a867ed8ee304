import {
  Level,
  LEVELS,
  RULE_LEVELS,
  RuleLevel,
} from '@mandate-dev/plugin-mandate-common';

export const LEVEL_LABELS: Record<Level, string> = {
  none: 'No level',
  bronze: 'Bronze',
  silver: 'Silver',
  gold: 'Gold',
};

/**
 * Badge and score colours per level. Every text colour reaches WCAG AA (4.5:1) on its background,
 * which the badge carries itself, so the contrast holds in light and dark themes alike:
 * gold 5.4:1, silver 5.9:1, bronze 6.8:1, no level 10.5:1 (dark text on white, outlined).
 */
export const LEVEL_STYLES: Record<
  Level,
  { background: string; color: string; border: string }
> = {
  none: { background: '#ffffff', color: '#3c4043', border: '#3c4043' },
  bronze: { background: '#8b4a1c', color: '#ffffff', border: '#8b4a1c' },
  silver: { background: '#5b6670', color: '#ffffff', border: '#5b6670' },
  gold: { background: '#8a6400', color: '#ffffff', border: '#8a6400' },
};

/** The colour of each level in charts (bars, lines): the badge's, or its outline for none. */
export const LEVEL_COLORS: Record<Level, string> = {
  none: LEVEL_STYLES.none.border,
  bronze: LEVEL_STYLES.bronze.background,
  silver: LEVEL_STYLES.silver.background,
  gold: LEVEL_STYLES.gold.background,
};

/** 0 for none … 3 for gold, for charts and sorting. */
export function levelRank(level: Level): number {
  return LEVELS.indexOf(level);
}

/** The level after this one, or undefined at gold. */
export function nextLevel(level: Level): RuleLevel | undefined {
  return RULE_LEVELS[levelRank(level)];
}
