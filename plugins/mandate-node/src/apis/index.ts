export { ApiDefinitionAnalyzer } from './ApiDefinitionAnalyzer';
export type { DefinitionCheck } from './DefinitionCheck';
export { API_RULE_IDS, DEFAULT_OPENAPI_RULE_OPTIONS } from './openApiRules';
export type { ApiRuleId, OpenApiRuleOptions } from './openApiRules';
