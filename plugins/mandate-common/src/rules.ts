import { RuleLevel, Tenet } from './status';

/** The rulebook version every report carries. @public */
export const RULEBOOK_VERSION = '1';

/**
 * What the UI and the API show about a rule; the rules themselves (one definition each, with
 * `evaluate`) live in the node package, and the UI reads them from `GET /rules`.
 *
 * @public
 */
export interface RuleDescription {
  id: string;
  tenet: Tenet;
  level: RuleLevel;
  title: string;
  /** What the rule checks, one or two sentences. */
  description: string;
  /** The principle it enforces. */
  rationale: string;
  /**
   * What the verdict is about: the service itself (the default), or its owning team. An
   * `owner` rule gives every service of a team the same verdict, so team pages show it.
   */
  subject?: 'service' | 'owner';
  remediation: {
    text: string;
    /** A snippet that fixes the failure, ready to paste. */
    snippet: string;
    language: 'yaml';
  };
}

/**
 * How one configurable threshold of a rule is declared: its type, its default, its range and
 * what it means. The rule's definition is the only place a threshold is described: config
 * validation, `GET /rules`, the rule pages and the generated docs all read it from here.
 *
 * @public
 */
export type RuleOptionSchema =
  | {
      type: 'integer' | 'number';
      default: number;
      /** Inclusive lower bound. */
      minimum?: number;
      description: string;
    }
  | { type: 'string'; default: string; description: string }
  | {
      type: 'string-list';
      default: string[];
      /** The fewest entries a configured list may have. */
      minItems?: number;
      description: string;
    }
  | { type: 'boolean'; default: boolean; description: string };

/** The thresholds of a rule, by name. @public */
export type RuleOptionSchemas = Record<string, RuleOptionSchema>;

/** The value type a schema describes. @public */
export type RuleOptionValueOf<S extends RuleOptionSchema> = S['default'];

/** The option values a rule's schemas describe, as the rule reads them in `context.options`. @public */
export type RuleOptionValues<S extends RuleOptionSchemas> = {
  [K in keyof S]: RuleOptionValueOf<S[K]>;
};
