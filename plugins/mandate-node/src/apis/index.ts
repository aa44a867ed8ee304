export { ApiDefinitionAnalyzer } from './ApiDefinitionAnalyzer';
export type { DefinitionAnalysis } from './ApiDefinitionAnalyzer';
export type { DefinitionCheck } from './DefinitionCheck';
export { DEFAULT_DEFINITION_LIMITS } from './DefinitionLimits';
export type { DefinitionLimits } from './DefinitionLimits';
export { API_RULE_IDS, DEFAULT_OPENAPI_RULE_OPTIONS } from './openApiRules';
export type { ApiRuleId, OpenApiRuleOptions } from './openApiRules';
export {
  DefinitionAnalysisPool,
  runDefinitionWorker,
} from './DefinitionAnalysisPool';
export type {
  AnalysedDefinition,
  DefinitionTask,
} from './DefinitionAnalysisPool';
