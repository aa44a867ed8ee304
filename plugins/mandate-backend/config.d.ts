import { HumanDuration } from '@backstage/types';

export interface Config {
  mandate?: {
    /** `spec.type`s of the Components that get a scorecard. Default: [service]. */
    serviceTypes?: string[];
    /** Names of the approved platform (OS + middleware) templates. */
    platformTemplates?: string[];
    /** How far ahead a waiver may expire. Default: 90. */
    maxWaiverDays?: number;
    /** Thresholds and `enabled` per rule; the dots of a rule id nest. */
    rules?: { [key: string]: any };
    schedule?: {
      /** Full evaluation of the catalog. Default: every 10 minutes. */
      frequency?: HumanDuration | string;
      /** How often the catalog is checked for changed entities. Default: every 30 seconds. */
      changeDetection?: HumanDuration | string;
    };
    history?: {
      /** Days of daily history kept per service. Default: 400. */
      retentionDays?: number;
    };
  };
}
