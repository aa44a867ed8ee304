import { createExtensionPoint } from '@backstage/backend-plugin-api';
import { Level, Tier } from '@mandate-dev/plugin-mandate-common';

/** A service as the latest evaluation stored it: what a history seeder starts from. @public */
export interface HistorySeedService {
  entityRef: string;
  owner: string | null;
  tier: Tier | null;
  level: Level;
  score: number;
}

/** One seeded history day of one service. @public */
export interface HistorySeedPoint {
  entityRef: string;
  /** `YYYY-MM-DD`, before `today`. */
  day: string;
  /** An integer from 0 to 100. */
  score: number;
  level: Level;
}

/**
 * Makes up the past of a catalog that has none, e.g. for a demo whose charts should show
 * something on first start. Called after full evaluations and catalog changes while the
 * history holds no recorded day before `today`, whenever the stored services or their figures
 * changed (a new portal's first evaluation may see a catalog still being processed); what it
 * returns replaces the previously seeded past. The backend keeps only points of the given
 * services on days before `today`, each with the service's current owner and tier, and a
 * recorded day always wins, so the last day stays the real evaluation.
 *
 * @public
 */
export type MandateHistorySeeder = (input: {
  services: HistorySeedService[];
  today: string;
}) => HistorySeedPoint[] | Promise<HistorySeedPoint[]>;

/** Lets a backend module seed the history of an empty store. @public */
export interface MandateHistoryExtensionPoint {
  /** Sets the seeder; one at most. */
  setHistorySeeder(seeder: MandateHistorySeeder): void;
}

/**
 * The mandate backend's `mandate.history` extension point. Not for production portals, whose
 * history is what was evaluated: a seeded past is made up.
 *
 * @public
 */
export const mandateHistoryExtensionPoint =
  createExtensionPoint<MandateHistoryExtensionPoint>({
    id: 'mandate.history',
  });
