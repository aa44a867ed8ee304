import { LoggerService } from '@backstage/backend-plugin-api';
import { MandateEvaluator } from './evaluation/MandateEvaluator';
import { EvaluationJobStore } from './store/EvaluationJobStore';

/**
 * One run of the job task: first expires the jobs that a stopped replica left running, then
 * runs the queued jobs one by one, including those queued while it runs.
 */
export async function runEvaluationJobs(options: {
  jobs: EvaluationJobStore;
  evaluator: Pick<MandateEvaluator, 'evaluateAll' | 'evaluateEntity'>;
  logger: LoggerService;
  clock?: () => Date;
}): Promise<void> {
  const { jobs, evaluator, logger } = options;
  const now = () => options.clock?.() ?? new Date();

  const expired = await jobs.expireOverdue(now());
  if (expired > 0) {
    logger.warn(
      `${expired} evaluation(s) expired: the replica running them stopped`,
    );
  }

  for (
    let job = await jobs.claimNext(now());
    job;
    job = await jobs.claimNext(now())
  ) {
    const started = now();
    try {
      if (job.entityRef) await evaluator.evaluateEntity(job.entityRef);
      else await evaluator.evaluateAll();
      await jobs.finish(job.id, 'succeeded', now());
      // How long it waited tells a busy evaluator (or job task) from a slow evaluation.
      logger.info(
        `Evaluation ${job.id} of ${job.entityRef ?? 'every service'} took ${
          now().getTime() - started.getTime()
        } ms after ${
          started.getTime() - new Date(job.createdAt).getTime()
        } ms in the queue`,
      );
    } catch (error) {
      logger.error(`Evaluation ${job.id} failed`, error as Error);
      await jobs.finish(job.id, 'failed', now(), String(error));
    }
  }
}
