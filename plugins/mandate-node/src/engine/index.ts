export {
  evaluateCatalog,
  evaluateCatalogAsync,
  evaluateCatalogLazily,
} from './evaluateCatalog';
export { analyseDefinitionsInPool } from './analyseDefinitionsInPool';
export { builtInOpenApiChecks } from './builtInOpenApiChecks';
export {
  DefinitionAnalysisPool,
  runDefinitionWorker,
} from './DefinitionAnalysisPool';
export type {
  AnalysedDefinition,
  BuiltInRuleOptions,
  DefinitionTask,
} from './DefinitionAnalysisPool';
export type { EvaluateCatalogOptions } from './evaluateCatalog';
export { affectedEntities } from './affectedEntities';
export type { Waiver } from './Waiver';
export { validateWaiver } from './validateWaiver';
export { indexWaivers } from './indexWaivers';
export type { WaiverLookup } from './indexWaivers';
export { applyWaivers } from './applyWaivers';
export { effectiveRuleOptions } from './effectiveRuleOptions';
export { createApiDefinitions } from './createApiDefinitions';
export { isRuleEnabled } from './isRuleEnabled';
