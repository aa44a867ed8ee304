import { TestDatabases } from '@backstage/backend-test-utils';
import { resolvePackagePath } from '@backstage/backend-plugin-api';
import { EvaluationJobStore, EXPIRED_REASON } from './store/EvaluationJobStore';
import { runEvaluationJobs } from './runEvaluationJobs';

jest.setTimeout(60_000);

const databases = TestDatabases.create({
  ids: ['SQLITE_3'],
  disableDocker: true,
});
const logger: any = {
  info() {},
  warn() {},
  error() {},
  debug() {},
  child: () => logger,
};
const T0 = new Date('2026-12-01T10:00:00.000Z');
const FIFTEEN_MINUTES = 15 * 60_000;

describe('runEvaluationJobs', () => {
  it('fails the job a stopped replica left running, and runs the queued ones', async () => {
    const knex = await databases.init('SQLITE_3');
    await knex.migrate.latest({
      directory: resolvePackagePath(
        '@mandate-dev/plugin-mandate-backend',
        'migrations',
      ),
    });
    const jobs = new EvaluationJobStore(knex, FIFTEEN_MINUTES);

    // Replica A claims a full evaluation and dies (nothing ever finishes it).
    const { job: abandoned } = await jobs.enqueue(null, null, T0);
    await jobs.claimNext(T0);
    const { job: queued } = await jobs.enqueue(
      'component:default/orders',
      null,
      T0,
    );
    // Covered by the (running) full evaluation.
    expect(queued.id).toBe(abandoned.id);

    const evaluated: string[] = [];
    const evaluator = {
      evaluateAll: async () => {
        evaluated.push('all');
        return { evaluated: 0, removed: 0 };
      },
      evaluateEntity: async (ref: string) => {
        evaluated.push(ref);
        return { evaluated: 1, removed: 0 };
      },
    };
    const run = (minutes: number) =>
      runEvaluationJobs({
        jobs,
        evaluator,
        logger,
        clock: () => new Date(T0.getTime() + minutes * 60_000),
      });

    // Replica B runs the job task within the timeout: the job may still be running on A.
    await run(14);
    expect((await jobs.get(abandoned.id))?.status).toBe('running');

    // Past the timeout it expires, and a new request gets a job of its own that runs.
    await run(16);
    expect(await jobs.get(abandoned.id)).toMatchObject({
      status: 'failed',
      failureReason: EXPIRED_REASON,
    });
    const { job: retry, created } = await jobs.enqueue(
      'component:default/orders',
      null,
      T0,
    );
    expect(created).toBe(true);
    await run(17);
    expect((await jobs.get(retry.id))?.status).toBe('succeeded');
    expect(evaluated).toEqual(['component:default/orders']);
  });
});
