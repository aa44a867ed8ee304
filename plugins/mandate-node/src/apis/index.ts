export { ApiDefinitions } from './ApiDefinitions';
export type {
  ConfiguredCheck,
  DefinitionAnalysis,
  OpenApiDefinition,
} from './ApiDefinitions';
export { checkFromEvidence, withFailures } from './DefinitionCheck';
export type {
  DefinitionCheck,
  DefinitionFailure,
  DefinitionFix,
} from './DefinitionCheck';
export {
  fragmentAt,
  jsonPointer,
  locationOf,
  mergeFragments,
} from './documentFragment';
export { valueAt } from './valueAt';
export { DEFAULT_DEFINITION_LIMITS } from './DefinitionLimits';
export type { DefinitionLimits } from './DefinitionLimits';
export { definitionOf } from './definitionOf';
export { isJsonObject } from './jsonValues';
export type { JsonObject } from './jsonValues';
export { LocalRefResolver, unresolvableRefEvidence } from './LocalRefResolver';
export type { Dereferenced } from './LocalRefResolver';
export { OpenApiDocument } from './OpenApiDocument';
export type { NotOpenApi, OpenApiOperation } from './OpenApiDocument';
export type { OpenApiDocumentCheck } from './OpenApiDocumentCheck';
export { SchemaProperties } from './SchemaProperties';
export type { MergedProperties } from './SchemaProperties';
