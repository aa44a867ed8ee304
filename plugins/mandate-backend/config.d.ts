import { SchedulerServiceTaskScheduleDefinitionConfig } from '@backstage/backend-plugin-api';
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
    /**
     * The full evaluation of the catalog (a scheduler task definition: frequency, timeout,
     * initialDelay). Default: every 10 minutes, timeout 15 minutes, first after 15 seconds.
     */
    schedule?: SchedulerServiceTaskScheduleDefinitionConfig;
    changeDetection?: {
      /** How often the catalog is checked for changed entities. Default: every 30 seconds. */
      frequency?: HumanDuration | string;
    };
    evaluationJobs?: {
      /**
       * How long an on-demand evaluation (POST /evaluate) may run; also the job task's timeout.
       * A job still running after it was left behind by a replica that stopped, and is marked
       * failed by the next replica that runs the job task. Default: 15 minutes.
       */
      timeout?: HumanDuration | string;
    };
    history?: {
      /** Days of daily history kept per service. Default: 400. */
      retentionDays?: number;
    };
  };
}
