export { aggregateApiChecks } from './aggregateApiChecks';
export { owningTeam } from './owningTeam';
export { providedApis } from './providedApis';
export { resourcesOfType, databasesOf } from './resourcesOfType';
export { markdownHeadings } from './markdownHeadings';
export { clusterUsesOf } from './clusterUses';
export type { ClusterUse } from './clusterUses';
