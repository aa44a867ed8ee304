export type { AnyMandateRule, MandateRule, RuleContext } from './MandateRule';
export { defineRule } from './defineRule';
export { defineOpenApiRule, isOpenApiRule } from './defineOpenApiRule';
export type { OpenApiRule, OpenApiRuleDefinition } from './defineOpenApiRule';
export type { RuleOutcome } from './RuleOutcome';
export { pass, fail, notApplicable, error } from './RuleOutcome';
export { builtInRules } from './builtInRules';
export { describeRule } from './describeRule';
// The catalog processor bounds `mandate.dev/key-metrics` by this rule's own option.
export { keyMetricsRule } from './ops/keyMetrics';
