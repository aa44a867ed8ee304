import { ResultStore } from '../store/ResultStore';
import { StoredReport } from '../store/StoredReport';
import { SummaryService } from './SummaryService';
import {
  mandateTestDatabases,
  migrations,
} from '../__testUtils__/testDatabases';

jest.setTimeout(60_000);

const databases = mandateTestDatabases();

const NOW = new Date('2026-12-01T12:00:00Z');
const AT = '2026-12-01T10:00:00Z';
const TEAM = 'group:default/team-a';

function stored(name: string, score: number): StoredReport {
  return {
    report: {
      entityRef: `component:default/${name}`,
      owner: TEAM,
      tier: 'high',
      level: 'bronze',
      score,
      results: [],
    },
    rawResults: [],
    system: null,
    lifecycle: null,
    evaluatedAt: AT,
  };
}

/** A gate a test opens when it likes. */
function gate() {
  let open!: () => void;
  const opened = new Promise<void>(resolve => (open = resolve));
  return { open, opened };
}

const sleep = (ms: number) =>
  new Promise<'waited'>(resolve => setTimeout(() => resolve('waited'), ms));

describe.each(databases.eachSupportedId())(
  'SummaryService on %p',
  databaseId => {
    async function setup() {
      const knex = await databases.init(databaseId);
      await knex.migrate.latest(migrations);
      const store = new ResultStore(knex);
      let clock = 0;
      const service = new SummaryService(store, [], undefined, () => clock);
      const organisation = async () =>
        (await service.summary({}, NOW)).organisation;
      return {
        knex,
        store,
        organisation,
        advance: (ms: number) => (clock += ms),
      };
    }

    it('sees a write of its own store at the next request, however recent the last read', async () => {
      const { knex, store, organisation } = await setup();
      await store.write([stored('a', 60)], 'all');
      expect(await organisation()).toMatchObject({ services: 1, score: 60 });

      await store.write([stored('b', 80)], {
        evaluatedRefs: ['component:default/b'],
      });
      expect(await organisation()).toMatchObject({ services: 2, score: 70 });

      // A rescore in the caller's transaction (a waiver change) counts once that commits.
      const rescored = { ...stored('b', 100).report };
      await knex.transaction(tx => store.updateWaived([rescored], AT, tx));
      expect(await organisation()).toMatchObject({ services: 2, score: 80 });
    });

    it('sees another replica’s write once the known version is a second old', async () => {
      const { knex, store, organisation, advance } = await setup();
      await store.write([stored('a', 60)], 'all');
      expect(await organisation()).toMatchObject({ services: 1 });

      await new ResultStore(knex).write([stored('b', 80)], 'all');
      // Within the second, the rows of the known version answer.
      advance(999);
      expect(await organisation()).toMatchObject({ services: 1, score: 60 });

      // Past it, a request still answers at once and has the version re-read meanwhile.
      advance(1);
      expect(await organisation()).toMatchObject({ score: 60 });
      let latest = await organisation();
      for (let tries = 0; latest.score === 60 && tries < 100; tries++) {
        await sleep(10);
        latest = await organisation();
      }
      expect(latest).toMatchObject({ services: 1, score: 80 });
    });

    it('answers from the known rows while a long write transaction is open', async () => {
      const { store, organisation, advance } = await setup();
      await store.write([stored('a', 60)], 'all');
      expect(await organisation()).toMatchObject({ services: 1, score: 60 });

      // An evaluation's write, held open after it took the results lock: on SQLite the one
      // connection is busy until it commits.
      const hold = gate();
      const locked = gate();
      const writing = store.write([stored('b', 80)], 'all', async () => {
        locked.open();
        await hold.opened;
        return report => report;
      });
      await locked.opened;
      // Even with the known version due for a re-read, nothing waits for the writer.
      advance(5_000);
      for (let i = 0; i < 3; i++) {
        const answer = await Promise.race([organisation(), sleep(3_000)]);
        expect(answer).toMatchObject({ services: 1, score: 60 });
      }

      hold.open();
      await writing;
      expect(await organisation()).toMatchObject({ services: 1, score: 80 });
    });
  },
);
