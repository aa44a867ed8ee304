import { EntityReport, RuleResult } from './report';
import { Level, RuleLevel, Tier } from './status';
import { RuleDescription, RuleOptionSchemas } from './rules';

/**
 * Shapes of the Mandate REST API (`/api/mandate`), shared by the backend and the frontend client.
 * The backend's src/schema/openapi.yaml describes the same shapes for other clients.
 */

/** A rule as GET /rules lists it: its description and the options in effect. @public */
export interface RuleInfo extends RuleDescription {
  /** The thresholds in force: the defaults overridden by config. */
  options: Record<string, unknown>;
  /** How each threshold is declared (type, default, range, meaning). */
  optionSchemas?: RuleOptionSchemas;
}

/** Catalog facts stored with a report so the report can be filtered without the catalog. @public */
export interface ReportedEntity extends EntityReport {
  title?: string;
  system: string | null;
  lifecycle: string | null;
  evaluatedAt: string;
}

/** GET /entities/{entityRef}: the latest report of one service, waivers applied. @public */
export interface EntityReportResponse extends ReportedEntity {
  /** The waivers in force. */
  waivers: Waiver[];
  /** The requests awaiting a decision (v1.1). */
  requests?: Waiver[];
  rules: { ruleId: string; level: RuleLevel }[];
}

/**
 * POST /check: the posted services as the catalog would score them once they land (laid over
 * the live catalog, all registered rules, no waivers), and the level of every rule that runs.
 * Nothing is stored.
 *
 * @public
 */
export interface CheckResponse {
  entities: EntityReport[];
  rules: { ruleId: string; level: RuleLevel }[];
}

/** @public */
export interface ReportQuery {
  owner?: string;
  tier?: Tier | 'none';
  level?: Level;
  system?: string;
  lifecycle?: string;
  ruleId?: string;
  status?: RuleResult['status'];
  offset?: number;
  limit?: number;
}

/** @public */
export interface ReportPage {
  total: number;
  offset: number;
  limit: number;
  items: ReportedEntity[];
}

/** @public */
export type LevelCounts = Record<Level, number>;

/** @public */
export interface ScoreGroup {
  score: number;
  services: number;
  levels: LevelCounts;
}

/** @public */
export interface TeamSummary extends ScoreGroup {
  owner: string;
  /** Score change against the history point closest to 30 days ago; null without history. */
  change30d: number | null;
  /**
   * The team's mean score on each of the summary's `trendDays` (the same services' history,
   * under a tier filter that tier's); null on a day without history. The last is today's score.
   * Absent under a system or lifecycle filter, which the history does not keep.
   */
  trend?: (number | null)[];
}

/**
 * One row of the tier x level matrix: how many services of the tier are at each level, the
 * level `mandate.requiredLevels` asks of the tier and how many services reach it (or more).
 *
 * @public
 */
export interface TierSummary extends ScoreGroup {
  tier: Tier | 'none';
  /** Optional in the shape; the backend always sends it. */
  requiredLevel?: RuleLevel;
  atRequiredLevel?: number;
}

/** @public */
export interface RuleSummary {
  ruleId: string;
  pass: number;
  fail: number;
  waived: number;
  error: number;
  notApplicable: number;
}

/** GET /summary @public */
export interface Summary {
  generatedAt: string | null;
  /** The services of the filters (all of them without one). */
  organisation: ScoreGroup & {
    /**
     * Score change against the history point closest to 30 days ago, as a team's; null without
     * history, and under a tier, system or lifecycle filter (the history does not keep those).
     */
    change30d: number | null;
    /** Services at (or above) the level required of their tier, over every tier. */
    atRequiredLevel?: number;
  };
  teams: TeamSummary[];
  /** Tiers from the most to the least critical, then `none`; only tiers with services. */
  tiers: TierSummary[];
  rules: RuleSummary[];
  /** The days of every team's `trend`, oldest first, ending today (UTC, YYYY-MM-DD). */
  trendDays?: string[];
}

/** @public */
export interface HistoryPoint {
  day: string;
  score: number;
  /** Per entity: its level that day; for a team or the organisation: the level counts. */
  level?: Level;
  levels?: LevelCounts;
}

/** GET /history?entityRef=… | owner=… | (organisation) @public */
export interface History {
  subject: string;
  points: HistoryPoint[];
}

/**
 * Where a waiver stands, as the API reports it at the time of the request: `requested` waits
 * for a decision; `active` counts (approved, not expired, not revoked); `expired` no longer
 * counts because its expiry passed (approved or still undecided); `denied` never counted;
 * `revoked` was approved and withdrawn. Only `active` waivers count.
 *
 * @public
 */
export type WaiverState =
  | 'requested'
  | 'active'
  | 'expired'
  | 'denied'
  | 'revoked';

/**
 * The state filter of GET /waivers: a state, or `expiring`, the active waivers that expire
 * within {@link WAIVER_EXPIRING_DAYS} days.
 *
 * @public
 */
export type WaiverStateFilter = WaiverState | 'expiring';

/** How many days ahead an active waiver counts as expiring. @public */
export const WAIVER_EXPIRING_DAYS = 14;

/** @public */
export interface Waiver {
  id: string;
  entityRef: string;
  ruleId: string;
  reason: string;
  /**
   * Who granted (approved) it; the empty string while it is requested and for a denied or
   * never-approved request (kept a string so that existing clients keep parsing it).
   */
  grantedBy: string;
  createdAt: string;
  expiresAt: string;
  revokedAt: string | null;
  revokedBy: string | null;
  state: WaiverState;
  requestedBy: string;
  /** Who approved or denied the request, and when. */
  decidedBy: string | null;
  decidedAt: string | null;
  /** The comment given with the approval or denial. */
  decisionComment: string | null;
  /** GET /waivers (v1.1): the service's display name and owning team, when it has a report. */
  entityTitle?: string;
  owner?: string | null;
}

/** @public */
export interface WaiverRequest {
  entityRef: string;
  ruleId: string;
  reason: string;
  expiresAt: string;
  /**
   * `request` files a request for someone to approve; `grant` grants it at once and needs the
   * approve permission. Without it: `grant` when the caller may approve, else `request`.
   */
  mode?: 'request' | 'grant';
}

/** POST /waivers/{id}/approve and /deny. @public */
export interface WaiverDecision {
  comment?: string;
}

/** GET /waivers filters. @public */
export interface WaiverQuery {
  entityRef?: string;
  state?: WaiverStateFilter;
  /** The owning team of the service (a group ref). */
  owner?: string;
  ruleId?: string;
}

/** @public */
export type EvaluationStatus = 'queued' | 'running' | 'succeeded' | 'failed';

/** POST /evaluate answers 202 with this; GET /evaluations/{id} follows it. @public */
export interface Evaluation {
  id: string;
  entityRef: string | null;
  status: EvaluationStatus;
  requestedBy: string | null;
  createdAt: string;
  finishedAt: string | null;
  /** Why a failed evaluation failed. */
  failureReason: string | null;
}

/** @public */
export interface GraphNeighbour {
  entityRef: string;
  tier: Tier | null;
  slo: number | null;
  hard: boolean;
}

/** GET /graph/{entityRef}: the service's place in the dependency graph. @public */
export interface DependencyView {
  entityRef: string;
  tier: Tier | null;
  slo: number | null;
  dependencies: GraphNeighbour[];
  dependents: GraphNeighbour[];
  /** Product of the SLOs of the hard-reachable services, percent; null when one lacks an SLO. */
  compositeAvailability: number | null;
  weakestLink: string | null;
  /** Shortest hard path to a less critical service, refs in order, or null. */
  tierInversionPath: string[] | null;
  blastRadius: { direct: number; transitive: number };
}
