import type { RuleDescription } from '@mandate-dev/plugin-mandate-common';
import type { CatalogSnapshot, SnapshotEntity } from '../catalog';
import type { MandateConfig } from '../config/MandateConfig';
import type {
  RuleOptionSchemas,
  RuleOptionValues,
} from '@mandate-dev/plugin-mandate-common';
import type { EvaluationFacts } from '../facts/EvaluationFacts';
import type { RuleOutcome } from './RuleOutcome';

/** What a rule may read besides the service itself. Everything here is precomputed. @public */
export interface RuleContext<TOptions = Record<string, unknown>> {
  snapshot: CatalogSnapshot;
  /** Facts computed once per evaluation and shared by every rule: the service graph, parsed definitions... */
  facts: EvaluationFacts;
  /** This rule's thresholds: the defaults of its option schemas, overridden by config. */
  options: TOptions;
  config: MandateConfig;
}

/**
 * One rule: the built-in rules of the rulebook and custom rules added through
 * `mandateRulesExtensionPoint` have the same shape, and everything Mandate knows about a rule
 * (report order, level, options and their validation, the rule pages, `GET /rules`) comes from
 * this one definition. `evaluate` must be pure: same service and context, same outcome.
 *
 * @public
 */
export interface MandateRule<
  TSchemas extends RuleOptionSchemas = RuleOptionSchemas,
> extends RuleDescription {
  /** Thresholds configurable under `mandate.rules.<id>.<name>`, with their defaults and ranges. */
  options?: TSchemas;
  evaluate(
    service: SnapshotEntity,
    context: RuleContext<RuleOptionValues<TSchemas>>,
  ): RuleOutcome;
}

/** Any rule, whatever its options. @public */
export type AnyMandateRule = MandateRule<any>;
