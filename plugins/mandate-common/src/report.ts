import { Level, RuleStatus, Tier } from './status';

/**
 * The change that makes a failing rule pass for this service (rulebook section 4, optional):
 * computed by the rule from the service's own data, so it names real entities and values.
 */
export interface RuleFix {
  /** What to do and why, naming the entities and values involved. */
  text: string;
  /**
   * A fragment of the entity to edit, in the entity file's own shape (`metadata.annotations`,
   * `spec`); lists in it replace the entity's lists. A decision shows one YAML document per
   * option, each headed by a comment naming the entity it edits. Markdown for a runbook.
   */
  snippet: string;
  language: 'yaml' | 'markdown';
  /** The entity whose YAML (or, for Markdown, whose runbook) the snippet edits; default the service. */
  entityRef?: string;
  /** True when it offers options to choose from: it is not applied mechanically. */
  decision?: boolean;
}

/** One rule's result for one entity (rulebook section 4). */
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
  /** Only on `fail` and `error`: how to make the rule pass for this service. */
  fix?: RuleFix;
}

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

export interface Report {
  rulebookVersion: string;
  generatedAt: string;
  entities: EntityReport[];
}
