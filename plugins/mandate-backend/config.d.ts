import { SchedulerServiceTaskScheduleDefinitionConfig } from '@backstage/backend-plugin-api';
import { HumanDuration } from '@backstage/types';

export interface Config {
  mandate?: {
    // serviceTypes, platformTemplates, maxWaiverDays, rules and limits are declared by
    // @mandate-dev/plugin-mandate-node, which reads them for the CLI and the backend alike.
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
    campaigns?: {
      /**
       * Campaigns created at startup when none of that name exists yet (archived ones
       * included), e.g. the demo's. Each is what POST /campaigns takes: name, goal
       * ({kind: level, level} or {kind: rule, ruleId}), scope (tiers, owners, systems,
       * lifecycles), deadline (YYYY-MM-DD), owner (a group ref) and optionally announces
       * ({ruleId, enforcedFrom}).
       */
      seed?: Array<{
        name: string;
        goal: { kind: 'level' | 'rule'; level?: string; ruleId?: string };
        scope?: {
          tiers?: string[];
          owners?: string[];
          systems?: string[];
          lifecycles?: string[];
        };
        deadline: string;
        owner: string;
        announces?: { ruleId: string; enforcedFrom: string };
      }>;
    };
    /**
     * The level each tier must reach; the dashboard's headline counts the services at (or
     * above) it. `none` is for services without a valid tier. Each is bronze, silver or gold.
     * Default: critical gold, high silver, medium silver, low bronze, none bronze.
     * @visibility frontend
     */
    requiredLevels?: {
      critical?: 'bronze' | 'silver' | 'gold';
      high?: 'bronze' | 'silver' | 'gold';
      medium?: 'bronze' | 'silver' | 'gold';
      low?: 'bronze' | 'silver' | 'gold';
      none?: 'bronze' | 'silver' | 'gold';
    };
    history?: {
      /** Days of daily history kept per service. Default: 400. */
      retentionDays?: number;
    };
    /**
     * Notifications to the owning teams through Backstage's notifications
     * (@backstage/plugin-notifications-backend must be installed). Level changes are published
     * as `mandate.level-changed` events whether or not this is enabled.
     */
    notifications?: {
      /** Send the daily digest. Default: false. */
      enabled?: boolean;
      /**
       * When the digest is assembled (a scheduler task definition). Each team gets at most one
       * digest per day (UTC); what comes up after it waits for the next day's. Default: every
       * hour, timeout 5 minutes, first after 1 minute.
       */
      digest?: SchedulerServiceTaskScheduleDefinitionConfig;
      /** A waiver is announced to its team this many days before it expires. Default: 7. */
      waiverExpiryDays?: number;
      /**
       * A team with services still open in a campaign is told this many days before the
       * campaign's deadline (once per campaign and team). Default: 14.
       */
      campaignDeadlineDays?: number;
    };
  };
}
