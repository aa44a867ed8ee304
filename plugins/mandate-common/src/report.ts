import { Level, RuleStatus, Tier } from './status';

/**
 * The change that makes a failing rule pass for this service (rulebook section 4, optional):
 * computed by the rule from the service's own data, so it names real entities and values.
 *
 * @public
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
  /**
   * True when it offers options to choose from, or leaves part of the change to the owners
   * (write a missing API document, remove error flags clients read): it is not applied
   * mechanically.
   */
  decision?: boolean;
  /**
   * What the snippet is a fragment of: `entity` (default), the YAML of `entityRef`; or
   * `definition`, the API definition document (OpenAPI) of the API `entityRef`, in the
   * document's own shape (`paths`, `components`), merged the same way (mappings merge, lists
   * replace). The `api.*` rules' fixes edit the definition.
   */
  target?: 'entity' | 'definition';
}

/**
 * Where the offending part of a failing result is (rulebook section 4, optional): a place in an
 * entity's file or in an API definition. Every field is optional: a report gives what it knows.
 *
 * @public
 */
export interface RuleLocation {
  /** The entity whose file or API definition this is (lower-case full ref). */
  entityRef?: string;
  /** The file (offline: relative to the working directory). */
  file?: string;
  /** The 1-based line in `file`, when the file's text is what was evaluated. */
  line?: number;
  /** A JSON pointer (RFC 6901) into the API definition document, e.g. `/paths/~1orders/get`. */
  pointer?: string;
}

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
  /** Only on `fail` and `error`: how to make the rule pass for this service. */
  fix?: RuleFix;
  /** Only on `fail` and `error`: where the offending parts are (e.g. the failing operations). */
  locations?: RuleLocation[];
  /**
   * Set while a campaign announces the rule and its enforcement day has not come: the status
   * is reported as usual but counts toward neither score nor level.
   */
  upcoming?: { enforcedFrom: string };
}

/**
 * Where an entity is defined (rulebook section 4, optional): offline, its YAML file relative to
 * the working directory and the line where its document starts.
 *
 * @public
 */
export interface EntitySource {
  file: string;
  /** The 1-based line where the entity's document starts. */
  line?: number;
}

/** @public */
export interface EntityReport {
  /** Lower-case full ref, `kind:namespace/name`. */
  entityRef: string;
  /** Where the entity is defined, when the report knows (the CLI does). */
  source?: EntitySource;
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
