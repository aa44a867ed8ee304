import { Level, RuleStatus, Tier } from './status';

/** One rule's result for one entity (rulebook section 4). @public */
export interface RuleResult {
  ruleId: string;
  status: RuleStatus;
  message?: string;
  evidence?: string[];
  /**
   * The entities the message and evidence name (lower-case full refs), so that a UI links
   * them without parsing text. Optional, like every field rulebook section 4 adds.
   */
  refs?: string[];
}

/** @public */
export interface EntityReport {
  /** Lower-case full ref, `kind:namespace/name`. */
  entityRef: string;
  /** The normalised owner ref, even when it does not resolve; null when missing. */
  owner: string | null;
  /** The valid tier, or null. */
  tier: Tier | null;
  level: Level;
  score: number;
  results: RuleResult[];
}

/** @public */
export interface Report {
  rulebookVersion: string;
  generatedAt: string;
  entities: EntityReport[];
}
