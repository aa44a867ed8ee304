import { RuleDescription } from '@internal/plugin-mandate-common';
import { CatalogSnapshot, SnapshotEntity } from '../catalog';
import { MandateConfig } from '../config/MandateConfig';
import { ServiceGraph } from '../graph';
import { ApiChecks } from './support/ApiChecks';
import { RuleOutcome } from './RuleOutcome';

/** A configurable threshold: its type is the type of its default. */
export type RuleOptionValue = number | string | boolean | string[];

/** A rule's thresholds, read from `mandate.rules.<id>` over the rule's defaults. */
export type RuleOptions = Record<string, RuleOptionValue>;

/** What a rule may read besides the service itself. Everything here is precomputed. */
export interface RuleContext<TOptions extends RuleOptions = RuleOptions> {
  snapshot: CatalogSnapshot;
  /** The service graph (nodes are services only), with memoised facts. */
  graph: ServiceGraph;
  /** This rule's thresholds: its defaults overridden by config. */
  options: TOptions;
  config: MandateConfig;
  /** API-definition checks, cached per definition. */
  apis: ApiChecks;
}

/**
 * One rule of the rulebook, or a custom one added through `mandateRulesExtensionPoint`.
 * `evaluate` must be pure: same service and context, same outcome.
 */
export interface MandateRule<TOptions extends RuleOptions = RuleOptions>
  extends RuleDescription {
  /** Thresholds configurable under `mandate.rules.<id>`, with their defaults. */
  defaults?: TOptions;
  /**
   * How far from the service the rule reads, which decides what an incremental update must
   * re-evaluate: `neighbourhood` = the service, the entities it names or that name it, and
   * one more hop for teams, APIs and databases; `graph` = anything reachable in the service
   * graph. Default `graph`, the safe choice for a custom rule.
   */
  scope?: 'neighbourhood' | 'graph';
  evaluate(
    service: SnapshotEntity,
    context: RuleContext<TOptions>,
  ): RuleOutcome;
}
