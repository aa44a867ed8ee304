/**
 * The Mandate rule engine: catalog snapshot and service graph, the built-in rules, API
 * definition analysis, the custom-rule extension point and the engine the CLI and the
 * backend share.
 *
 * @packageDocumentation
 */

// Writing rules
export type { AnyMandateRule, MandateRule, RuleContext } from './rules';
export type { OpenApiRule, OpenApiRuleDefinition, RuleOutcome } from './rules';
export {
  defineRule,
  defineOpenApiRule,
  isOpenApiRule,
  pass,
  fail,
  notApplicable,
  error,
  builtInRules,
  describeRule,
  keyMetricsRule,
} from './rules';
export { EvaluationFacts } from './facts';
export {
  mandateHistoryExtensionPoint,
  mandateRulesExtensionPoint,
  MandateRuleRegistry,
} from './extensions';
export type {
  HistorySeedPoint,
  HistorySeedService,
  MandateHistoryExtensionPoint,
  MandateHistorySeeder,
  MandateRulesExtensionPoint,
} from './extensions';

// The catalog as rules read it
export {
  CatalogSnapshot,
  compareRefs,
  parseRef,
  splitList,
  toList,
} from './catalog';
export type {
  RefLink,
  RunbookDocument,
  SnapshotEntity,
  SnapshotInput,
} from './catalog';
export { ServiceGraph } from './graph';
export type { HardReach, ServiceCycle, ServiceEdge } from './graph';
export {
  keepaliveOrder,
  MANDATE_ANNOTATIONS,
  parseSlo,
  readDecimal,
  readSlo,
  readTier,
  readUrl,
  tierRank,
} from './annotations';
export type { UrlReading } from './annotations';

// API definitions
export {
  ApiDefinitions,
  checkFromEvidence,
  DEFAULT_DEFINITION_LIMITS,
  definitionOf,
  OpenApiDocument,
} from './apis';
export type {
  DefinitionCheck,
  DefinitionLimits,
  OpenApiDefinition,
  OpenApiDocumentCheck,
  OpenApiOperation,
} from './apis';

// Config
export {
  DEFAULT_FILE_LIMITS,
  DEFAULT_MANDATE_CONFIG,
  readFileLimits,
  readMandateConfig,
} from './config';
export type { FileLimits, MandateConfig, RuleSettings } from './config';

// The engine
export {
  affectedEntities,
  analyseDefinitionsInPool,
  applyWaivers,
  builtInOpenApiChecks,
  createApiDefinitions,
  isRuleEnabled,
  effectiveRuleOptions,
  DefinitionAnalysisPool,
  evaluateCatalog,
  evaluateCatalogAsync,
  evaluateCatalogLazily,
  indexWaivers,
  validateWaiver,
} from './engine';
export type { EvaluateCatalogOptions, Waiver, WaiverLookup } from './engine';
// The worker threads' entry points (each worker requires its pool's own module, or the bundle of
// the CLI package): exported so that builds keep them. Not for use by other packages.
export { runDefinitionWorker } from './engine/DefinitionAnalysisPool';
export { runCatalogFileWorker } from './cli/CatalogFileThreads';

// Reading files inside the catalog roots, and the CLI
export {
  bundleDefinition,
  FileReadError,
  formatBytes,
  isInsideRoots,
  readFileInsideRoots,
} from './files';
export { loadCatalogFiles, runMandateCli } from './cli';
export type { CliIo, LoadCatalogFilesOptions, LoadedCatalog } from './cli';
