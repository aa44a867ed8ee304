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

export const LEVEL_COLORS: Record<Level, string> = {
  none: '#8a8f98',
  bronze: '#b0703c',
  silver: '#8e9aa8',
  gold: '#c9a227',
};

/** 0 for none … 3 for gold, for charts and sorting. */
export function levelRank(level: Level): number {
  return LEVELS.indexOf(level);
}

/** The level after this one, or undefined at gold. */
export function nextLevel(level: Level): RuleLevel | undefined {
  return RULE_LEVELS[levelRank(level)];
}
