/**
 * Shared by the Mandate frontend, backend and node library: statuses, levels, report and REST
 * API shapes, rule descriptions, scoring and permissions.
 *
 * @packageDocumentation
 */
export { LEVELS, RULE_LEVELS, RULE_STATUSES, TENETS, TIERS } from './status';
export type { Level, RuleLevel, RuleStatus, Tenet, Tier } from './status';
export { RULEBOOK_VERSION } from './rules';
export type {
  RuleDescription,
  RuleOptionSchema,
  RuleOptionSchemas,
  RuleOptionValueOf,
  RuleOptionValues,
} from './rules';
export type {
  EntityReport,
  EntitySource,
  Report,
  RuleFix,
  RuleLocation,
  RuleResult,
} from './report';
export { computeLevel, computeScore, scoreResults } from './scoring';
export type { RuleLevels } from './scoring';
export {
  mandateEvaluatePermission,
  mandatePermissions,
  mandateWaiverCreatePermission,
  mandateWaiverRevokePermission,
} from './permissions';
export type {
  CheckResponse,
  DependencyView,
  EntityReportResponse,
  Evaluation,
  EvaluationStatus,
  GraphNeighbour,
  History,
  HistoryPoint,
  LevelCounts,
  ReportPage,
  ReportQuery,
  ReportedEntity,
  RuleInfo,
  RuleSummary,
  ScoreGroup,
  Summary,
  TeamSummary,
  TierSummary,
  Waiver,
  WaiverRequest,
} from './api';
export type {
  RequestPathEdge,
  RequestPathLayer,
  RequestPathNode,
  RequestPathView,
} from './requestPath';
export type {
  ApiMandateView,
  ApiOperationFindings,
  ApiRuleFinding,
} from './apiView';
