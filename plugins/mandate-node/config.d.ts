export interface Config {
  /** Mandate: scores catalog services against the rulebook. */
  mandate?: {
    /**
     * `spec.type`s of the Components that are services (get a scorecard). Default `[service]`.
     * @visibility frontend
     */
    serviceTypes?: string[];
    /**
     * Names of the approved platform (OS + middleware) templates. When not set, the
     * approved-template rule is not applicable.
     * @visibility frontend
     */
    platformTemplates?: string[];
    /**
     * How many days ahead a waiver may expire at most. Default 90.
     * @visibility frontend
     */
    maxWaiverDays?: number;
    /** Limits on what Mandate reads and analyses (CLI, backend, `mandate:check`), so that one
     * catalog entity cannot exhaust the evaluator. */
    limits?: {
      /**
       * The largest API definition analysed, in bytes (UTF-8). A larger one makes the
       * spec-valid rule and the api.* rules `error` for that API. Default 5242880 (5 MiB).
       * @visibility backend
       */
      maxDefinitionBytes?: number;
      /**
       * The work allowed for parsing and analysing one API definition, in steps (about one
       * node, alias or `$ref` visited each). Over it: `error` for that API. Default 20000000.
       * @visibility backend
       */
      maxDefinitionWork?: number;
      /**
       * Largest catalog YAML file or `$text`/`$json`/`$yaml` target read, in bytes. Default
       * 16 MiB (16777216).
       * @visibility backend
       */
      maxFileBytes?: number;
      /**
       * Largest runbook (`mandate.dev/runbook`) read, in bytes. Default 1 MiB (1048576).
       * @visibility backend
       */
      maxRunbookBytes?: number;
    };
    /**
     * Per-rule settings; the dots of a rule id nest, e.g.
     * `rules: { ownership: { two-pizza-team: { maxMembers: 12 } } }`. Every rule takes
     * `enabled: false`; each rule's options, their types, defaults and ranges are declared by
     * the rule itself and validated at startup (see docs/rules.md, generated from the rules).
     * @visibility frontend
     */
    rules?: {
      [group: string]: {
        [rule: string]: {
          enabled?: boolean;
          [option: string]: unknown;
        };
      };
    };
  };
}
