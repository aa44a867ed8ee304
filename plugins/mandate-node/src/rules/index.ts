export type { AnyMandateRule, MandateRule, RuleContext } from './MandateRule';
export { defineRule } from './defineRule';
export type { RuleOutcome } from './RuleOutcome';
export { pass, fail, notApplicable, error } from './RuleOutcome';
export { builtInRules } from './builtInRules';
export { describeRule } from './describeRule';
export { ApiChecks } from './support';
export type { DefinitionAnalyzer } from './support';
// The catalog processor bounds `mandate.dev/key-metrics` by this rule's own option.
export { keyMetricsRule } from './ops/keyMetrics';
