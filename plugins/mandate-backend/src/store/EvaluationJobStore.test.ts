import { EvaluationJobStore, EXPIRED_REASON } from './EvaluationJobStore';
import {
  mandateTestDatabases,
  migrations,
} from '../__testUtils__/testDatabases';

jest.setTimeout(60_000);

const databases = mandateTestDatabases();
const T0 = new Date('2026-12-01T10:00:00.000Z');
const minutes = (n: number) => new Date(T0.getTime() + n * 60_000);

describe.each(databases.eachSupportedId())(
  'EvaluationJobStore on %p',
  databaseId => {
    async function store() {
      const knex = await databases.init(databaseId);
      await knex.migrate.latest(migrations);
      return new EvaluationJobStore(knex);
    }

    it('gives concurrent equivalent requests one job', async () => {
      const jobs = await store();
      const full = await Promise.all(
        Array.from({ length: 8 }, (_, i) =>
          jobs.enqueue(null, `user:default/u${i}`, T0),
        ),
      );
      expect(new Set(full.map(r => r.job.id)).size).toBe(1);
      expect(full.filter(r => r.created)).toHaveLength(1);

      // A request for one service is covered by the full evaluation waiting to run.
      const one = await jobs.enqueue('component:default/orders', null, T0);
      expect(one).toEqual({ job: full[0].job, created: false });
    });

    it('coalesces with a running job, and queues anew once it finished', async () => {
      const jobs = await store();
      const { job: orders } = await jobs.enqueue(
        'component:default/orders',
        null,
        T0,
      );
      expect((await jobs.claimNext(T0))?.id).toBe(orders.id);
      const again = await jobs.enqueue(
        'component:default/orders',
        null,
        minutes(1),
      );
      expect(again.created).toBe(false);
      expect(again.job).toMatchObject({ id: orders.id, status: 'running' });

      // Another service is not equivalent.
      const other = await jobs.enqueue(
        'component:default/payments',
        null,
        minutes(1),
      );
      expect(other.created).toBe(true);

      await jobs.finish(orders.id, 'succeeded', minutes(2));
      const fresh = await jobs.enqueue(
        'component:default/orders',
        null,
        minutes(3),
      );
      expect(fresh.created).toBe(true);
      expect(fresh.job.id).not.toBe(orders.id);
    });

    it('does not coalesce with a job left running past the timeout', async () => {
      const knex = await databases.init(databaseId);
      await knex.migrate.latest(migrations);
      const jobs = new EvaluationJobStore(knex, 15 * 60_000);
      const { job: abandoned } = await jobs.enqueue(null, null, T0);
      await jobs.claimNext(T0);
      expect((await jobs.enqueue(null, null, minutes(14))).job.id).toBe(
        abandoned.id,
      );

      const fresh = await jobs.enqueue(null, null, minutes(16));
      expect(fresh.created).toBe(true);
      expect(await jobs.get(abandoned.id)).toMatchObject({
        status: 'failed',
        failureReason: EXPIRED_REASON,
      });
    });

    it('expires jobs running since before the cutoff', async () => {
      const jobs = await store();
      const { job: stale } = await jobs.enqueue(
        'component:default/payments',
        null,
        T0,
      );
      await jobs.claimNext(T0);
      const { job: recent } = await jobs.enqueue(
        'component:default/orders',
        null,
        minutes(5),
      );
      await jobs.claimNext(minutes(10));

      // At T0 + 16 min with a 15 min timeout, only the job claimed at T0 is overdue.
      expect(await jobs.expireRunning(minutes(1), minutes(16))).toBe(1);
      expect(await jobs.get(stale.id)).toMatchObject({
        status: 'failed',
        failureReason: EXPIRED_REASON,
        finishedAt: minutes(16).toISOString(),
      });
      expect((await jobs.get(recent.id))?.status).toBe('running');
      // The expired job no longer answers for new requests.
      expect(
        (await jobs.enqueue('component:default/payments', null, minutes(16)))
          .created,
      ).toBe(true);
    });
  },
);
