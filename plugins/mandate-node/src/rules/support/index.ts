export { ApiChecks, definitionOf } from './ApiChecks';
export type { DefinitionAnalyzer } from './ApiChecks';
export { aggregateApiChecks } from './aggregateApiChecks';
export {
  evaluateOpenApiRule,
  DEFAULT_OPENAPI_OPTIONS,
} from './evaluateOpenApiRule';
export { owningTeam } from './owningTeam';
export { providedApis } from './providedApis';
export { resourcesOfType, databasesOf } from './resourcesOfType';
export { markdownHeadings } from './markdownHeadings';
export { clusterUsesOf } from './clusterUses';
export type { ClusterUse } from './clusterUses';
export { ruleFix, decisionFix, annotationsEdit } from './ruleFix';
export type { FixOption } from './ruleFix';
export { specList } from './specList';
export { apisOverDatabase, readThroughApis } from './readThroughApis';
export { foreignPartsFix } from './foreignPartsFix';
export { teamOwnerFix } from './teamOwnerFix';
export { proposedSlo } from './proposedSlo';
export { withoutEdge } from './withoutEdge';
export { softDependencyEdit } from './softDependencyEdit';
export { newApiEntity } from './newApiEntity';
