/** A time-limited exception for one rule on one entity (rulebook section 3). @public */
export interface Waiver {
  entityRef: string;
  ruleId: string;
  /** ISO 8601 timestamp or Date; the waiver stops counting at this instant. */
  expiresAt: string | Date;
  reason: string;
  grantedBy: string;
  /** Set when the waiver was revoked: it then never counts (stored waivers carry it). */
  revokedAt?: string | null;
}
