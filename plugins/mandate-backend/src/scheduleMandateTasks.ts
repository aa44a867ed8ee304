import {
  LoggerService,
  SchedulerService,
  SchedulerServiceTaskScheduleDefinition,
} from '@backstage/backend-plugin-api';
import { HumanDuration } from '@backstage/types';
import { MandateEvaluator } from './evaluation/MandateEvaluator';
import { CampaignStore } from './campaigns/CampaignStore';
import { EvaluationJobStore } from './store/EvaluationJobStore';
import { ResultStore } from './store/ResultStore';
import { WaiverStore } from './store/WaiverStore';
import { runEvaluationJobs } from './runEvaluationJobs';
import { MandateHistorySeeder } from '@mandate-dev/plugin-mandate-node';
import { seedHistory } from './summary/seedHistory';

const DAY_MS = 24 * 60 * 60 * 1000;
const JOBS_TASK = 'mandate-evaluation-jobs';

/**
 * Mandate's scheduled work. Every task is `scope: 'global'`: with several replicas sharing one
 * PostgreSQL, the scheduler's lock runs each on one replica at a time.
 * - full evaluation (default every 10 minutes), which also prunes old history;
 * - change detection (default every 30 s): re-evaluates what changed in the catalog;
 * - the on-demand job queue, triggered right away by POST /evaluate; a job still running after
 *   the task's timeout was left behind by a replica that stopped, and is marked failed;
 * - waiver expiry: rescores services whose waivers just expired;
 * - enforcement days: once a rule a campaign announces is enforced (its day came), rescores
 *   every service, so stored levels change on that day without a catalog change.
 */
export async function scheduleMandateTasks(options: {
  scheduler: SchedulerService;
  logger: LoggerService;
  evaluator: MandateEvaluator;
  results: ResultStore;
  waivers: WaiverStore;
  campaigns: CampaignStore;
  jobs: EvaluationJobStore;
  /** The full evaluation's schedule. */
  schedule: SchedulerServiceTaskScheduleDefinition;
  changeDetection: HumanDuration;
  /** How long an on-demand evaluation may run (the job task's timeout); then it expires. */
  jobTimeout: HumanDuration;
  retentionDays: number;
  /** From the `mandate.history` extension point: fills an empty history after an evaluation. */
  historySeeder?: () => MandateHistorySeeder | undefined;
}) {
  const { scheduler, logger, evaluator, results, waivers, jobs } = options;

  /** With a seeder (demos), after the evaluations that may change what the past leads to. */
  const seedDemoHistory = async () => {
    const seeder = options.historySeeder?.();
    if (!seeder) return;
    const outcome = await seedHistory(results, seeder, new Date());
    if (outcome) {
      logger.info(
        `Seeded ${outcome.seeded} history rows (dropped ${outcome.dropped} invalid points)`,
      );
    }
  };

  await scheduler.scheduleTask({
    id: 'mandate-full-evaluation',
    ...options.schedule,
    scope: 'global',
    fn: async () => {
      const outcome = await evaluator.evaluateAll();
      const pruned = await results.pruneHistory(
        new Date(Date.now() - options.retentionDays * DAY_MS)
          .toISOString()
          .slice(0, 10),
      );
      logger.info(
        `Evaluated ${outcome.evaluated} services; pruned ${pruned} history rows`,
      );
      await seedDemoHistory();
    },
  });

  await scheduler.scheduleTask({
    id: 'mandate-change-detection',
    scope: 'global',
    frequency: options.changeDetection,
    timeout: { minutes: 5 },
    initialDelay: options.changeDetection,
    fn: async () => {
      const outcome = await evaluator.evaluateChanges();
      if (outcome.evaluated + outcome.removed > 0) {
        logger.info(
          `Catalog changed: re-evaluated ${outcome.evaluated} services, removed ${outcome.removed}`,
        );
        await seedDemoHistory();
      }
    },
  });

  await scheduler.scheduleTask({
    id: JOBS_TASK,
    scope: 'global',
    frequency: { seconds: 10 },
    timeout: options.jobTimeout,
    fn: () => runEvaluationJobs({ jobs, evaluator, logger }),
  });

  await scheduler.scheduleTask({
    id: 'mandate-waiver-expiry',
    scope: 'global',
    frequency: { minutes: 1 },
    timeout: { minutes: 5 },
    fn: async () => {
      // The rescore runs in the transaction that marks the expiries applied: if it fails, they
      // stay unmarked and the next run retries.
      const expired = await waivers.takeNewlyExpired(new Date(), (refs, tx) =>
        evaluator.rescore(refs, tx),
      );
      if (expired.length > 0) {
        logger.info(`Waivers expired: rescored ${expired.length} services`);
      }
    },
  });

  await scheduler.scheduleTask({
    id: 'mandate-enforcement-days',
    scope: 'global',
    frequency: { minutes: 1 },
    timeout: { minutes: 5 },
    fn: async () => {
      const enforced = await options.campaigns.takeReachedEnforcements(
        evaluator.now(),
        tx => evaluator.rescoreAll(tx),
      );
      if (enforced.length > 0) {
        logger.info(
          `Announced rules now enforced by ${enforced.length} campaigns: rescored every service`,
        );
      }
    },
  });

  return {
    runJobsSoon: () => scheduler.triggerTask(JOBS_TASK),
  };
}
