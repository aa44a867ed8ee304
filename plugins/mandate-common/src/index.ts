/**
 * Shared by the Mandate frontend, backend and node library: statuses, levels, report and REST
 * API shapes, rule descriptions, scoring and permissions.
 *
 * @packageDocumentation
 */
export { LEVELS, RULE_LEVELS, RULE_STATUSES, TENETS, TIERS } from './status';
export type { Level, RuleLevel, RuleStatus, Tenet, Tier } from './status';
export { RULEBOOK_VERSION } from './rules';
export { MANDATE_LEVEL_CHANGED_TOPIC } from './events';
export type { LevelChangedEventPayload } from './events';
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
export { formatPercent } from './formatPercent';
export type { RuleLevels } from './scoring';
export {
  mandateCampaignManagePermission,
  mandateEvaluatePermission,
  mandatePermissions,
  mandateWaiverApprovePermission,
  mandateWaiverCreatePermission,
  mandateWaiverRevokePermission,
} from './permissions';
export { WAIVER_EXPIRING_DAYS } from './api';
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
  WaiverDecision,
  WaiverQuery,
  WaiverRequest,
  WaiverState,
  WaiverStateFilter,
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
export { markUpcoming, upcomingRules } from './campaign';
export type {
  Campaign,
  CampaignAnnouncement,
  CampaignBurndownPoint,
  CampaignGoal,
  CampaignProgress,
  CampaignRequest,
  CampaignScope,
  CampaignTeamProgress,
  CampaignWithProgress,
} from './campaign';
