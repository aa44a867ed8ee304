import { Level } from './status';

/**
 * The events-service topic on which the Mandate backend publishes every change of a service's
 * level (after an evaluation, or a waiver granted, revoked or expired). @public
 */
export const MANDATE_LEVEL_CHANGED_TOPIC = 'mandate.level-changed';

/** The payload of a `mandate.level-changed` event. @public */
export interface LevelChangedEventPayload {
  /** The service, a lower-case full ref. */
  entityRef: string;
  /** Its owner after the change, or null. */
  owner: string | null;
  from: Level;
  to: Level;
  /** When the result that changed the level was stored (ISO time). */
  at: string;
}
