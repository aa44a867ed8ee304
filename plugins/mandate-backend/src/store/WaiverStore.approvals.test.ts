import { WaiverStore } from './WaiverStore';
import {
  mandateTestDatabases,
  migrations,
} from '../__testUtils__/testDatabases';

jest.setTimeout(60_000);

const databases = mandateTestDatabases();
const HOUR = 3600_000;
const DAY = 24 * HOUR;
const T0 = new Date('2026-11-26T10:00:00.000Z');
const A = 'component:default/a';
const ALICE = 'user:default/alice';
const ADMIN = 'user:default/admin';

describe.each(databases.eachSupportedId())(
  'WaiverStore approvals on %p',
  databaseId => {
    async function store() {
      const knex = await databases.init(databaseId);
      await knex.migrate.latest(migrations);
      return new WaiverStore(knex);
    }
    const request = (
      expiresInMs: number,
      ruleId = 'ops.runbook',
      entityRef = A,
    ) => ({
      entityRef,
      ruleId,
      reason: 'writing it',
      expiresAt: new Date(T0.getTime() + expiresInMs).toISOString(),
    });

    it('counts a request only once it is approved, with who asked and who decided', async () => {
      const waivers = await store();
      const requested = await waivers.request(request(DAY), ALICE, T0);
      expect(requested).toMatchObject({
        state: 'requested',
        requestedBy: ALICE,
        grantedBy: '',
        decidedBy: null,
        decidedAt: null,
      });
      expect(await waivers.active(T0)).toEqual([]);

      const later = new Date(T0.getTime() + HOUR);
      const approved = await waivers.approve(
        requested.id,
        ADMIN,
        later,
        'fine until the rota is done',
      );
      expect(approved).toMatchObject({
        state: 'active',
        requestedBy: ALICE,
        grantedBy: ADMIN,
        decidedBy: ADMIN,
        decidedAt: later.toISOString(),
        decisionComment: 'fine until the rota is done',
      });
      expect((await waivers.active(later)).map(w => w.id)).toEqual([
        requested.id,
      ]);
      expect(
        (await waivers.audit(requested.id)).map(a => [
          a.action,
          a.actor,
          a.details.comment,
        ]),
      ).toEqual([
        ['request', ALICE, undefined],
        ['approve', ADMIN, 'fine until the rota is done'],
      ]);
    });

    it('grants at once through create: approved by the granter, who also requested it', async () => {
      const waivers = await store();
      const granted = await waivers.create(request(DAY), ADMIN, T0);
      expect(granted).toMatchObject({
        state: 'active',
        requestedBy: ADMIN,
        grantedBy: ADMIN,
        decidedBy: ADMIN,
        decidedAt: T0.toISOString(),
      });
      expect(await waivers.active(T0)).toHaveLength(1);
      expect((await waivers.audit(granted.id)).map(a => a.action)).toEqual([
        'create',
      ]);
    });

    it('holds the slot while requested and frees it when denied', async () => {
      const waivers = await store();
      const first = await waivers.request(request(DAY), ALICE, T0);
      await expect(
        waivers.request(request(DAY), ALICE, T0),
      ).rejects.toMatchObject({ name: 'ConflictError' });
      await expect(
        waivers.create(request(DAY), ADMIN, T0),
      ).rejects.toMatchObject({ name: 'ConflictError' });

      const denied = await waivers.deny(first.id, ADMIN, T0, 'fix it instead');
      expect(denied).toMatchObject({
        state: 'denied',
        grantedBy: '',
        decidedBy: ADMIN,
        decisionComment: 'fix it instead',
      });
      expect(await waivers.active(T0)).toEqual([]);
      const second = await waivers.request(request(DAY), ALICE, T0);
      expect(second.state).toBe('requested');
    });

    it('refuses illegal transitions with a ConflictError and records nothing for them', async () => {
      const waivers = await store();
      const conflict = { name: 'ConflictError' };
      const requested = await waivers.request(request(DAY), ALICE, T0);
      // A request is approved or denied, not revoked.
      await expect(
        waivers.revoke(requested.id, ADMIN, T0),
      ).rejects.toMatchObject(conflict);
      await waivers.approve(requested.id, ADMIN, T0);
      await expect(
        waivers.approve(requested.id, ADMIN, T0),
      ).rejects.toMatchObject(conflict);
      await expect(waivers.deny(requested.id, ADMIN, T0)).rejects.toMatchObject(
        conflict,
      );
      await waivers.revoke(requested.id, ADMIN, T0);
      expect((await waivers.get(requested.id, T0))?.state).toBe('revoked');
      await expect(
        waivers.approve(requested.id, ADMIN, T0),
      ).rejects.toMatchObject(conflict);

      const other = await waivers.request(
        request(DAY, 'ops.on-call'),
        ALICE,
        T0,
      );
      await waivers.deny(other.id, ADMIN, T0);
      await expect(waivers.approve(other.id, ADMIN, T0)).rejects.toMatchObject(
        conflict,
      );
      await expect(waivers.revoke(other.id, ADMIN, T0)).rejects.toMatchObject(
        conflict,
      );
      await expect(waivers.approve('missing', ADMIN, T0)).rejects.toMatchObject(
        { name: 'NotFoundError' },
      );
      expect((await waivers.audit()).map(a => a.action)).toEqual([
        'request',
        'approve',
        'revoke',
        'request',
        'deny',
      ]);
    });

    it('lets a request expire undecided: it cannot be approved then, and never counts', async () => {
      const waivers = await store();
      const requested = await waivers.request(request(HOUR), ALICE, T0);
      const later = new Date(T0.getTime() + 2 * HOUR);
      expect((await waivers.get(requested.id, later))?.state).toBe('expired');
      await expect(
        waivers.approve(requested.id, ADMIN, later),
      ).rejects.toMatchObject({
        name: 'ConflictError',
        message: `Cannot approve waiver ${requested.id}: it is expired, not requested`,
      });
      // Not an expired waiver: nothing to rescore.
      expect(await waivers.takeNewlyExpired(later)).toEqual([]);
      // Its slot goes to the next request.
      const next = await waivers.request(
        {
          ...request(HOUR),
          expiresAt: new Date(later.getTime() + HOUR).toISOString(),
        },
        ALICE,
        later,
      );
      expect(next.state).toBe('requested');
    });

    it('lists by state (expiring: active within 14 days), rule and services', async () => {
      const waivers = await store();
      const soon = await waivers.create(
        request(3 * DAY, 'ops.runbook'),
        ADMIN,
        T0,
      );
      const far = await waivers.create(
        request(30 * DAY, 'ops.on-call'),
        ADMIN,
        T0,
      );
      const asked = await waivers.request(
        request(30 * DAY, 'api.security'),
        ALICE,
        T0,
      );
      const denied = await waivers.request(
        request(30 * DAY, 'ops.runbook', 'component:default/b'),
        ALICE,
        T0,
      );
      await waivers.deny(denied.id, ADMIN, T0);
      const revoked = await waivers.create(
        request(30 * DAY, 'ops.on-call', 'component:default/b'),
        ADMIN,
        T0,
      );
      await waivers.revoke(revoked.id, ADMIN, T0);
      const gone = await waivers.create(
        request(HOUR, 'api.versioned', 'component:default/b'),
        ADMIN,
        T0,
      );
      const now = new Date(T0.getTime() + 2 * HOUR);
      const ids = async (filter: Parameters<WaiverStore['list']>[0]) =>
        (await waivers.list(filter, now)).map(w => w.id).sort();

      expect(await ids({ state: 'active' })).toEqual([soon.id, far.id].sort());
      expect(await ids({ state: 'expiring' })).toEqual([soon.id]);
      expect(await ids({ state: 'requested' })).toEqual([asked.id]);
      expect(await ids({ state: 'denied' })).toEqual([denied.id]);
      expect(await ids({ state: 'revoked' })).toEqual([revoked.id]);
      expect(await ids({ state: 'expired' })).toEqual([gone.id]);
      expect(await ids({ ruleId: 'ops.on-call' })).toEqual(
        [far.id, revoked.id].sort(),
      );
      expect(await ids({ entityRefs: ['component:default/b'] })).toEqual(
        [denied.id, revoked.id, gone.id].sort(),
      );
      expect(await ids({ entityRefs: [] })).toEqual([]);
      expect(await ids({ entityRef: A, state: 'active' })).toEqual(
        [soon.id, far.id].sort(),
      );
      expect((await waivers.list({}, now)).map(w => w.state).sort()).toEqual([
        'active',
        'active',
        'denied',
        'expired',
        'requested',
        'revoked',
      ]);
    });

    it('migrates waivers granted before approvals existed as approved (or revoked) by their granter', async () => {
      const knex = await databases.init(databaseId);
      await knex.migrate.up({ ...migrations, name: '20261126000000_init.js' });
      await knex.migrate.up({
        ...migrations,
        name: '20261201000000_evaluation_jobs_coalesce_expire.js',
      });
      await knex.migrate.up({
        ...migrations,
        name: '20261201000000_one_open_waiver.js',
      });
      const row = (id: string, ruleId: string) => ({
        id,
        entity_ref: A,
        rule_id: ruleId,
        reason: 'r',
        granted_by: ALICE,
        created_at: T0.toISOString(),
        expires_at: '2999-01-01T00:00:00.000Z',
      });
      await knex('mandate_waivers').insert([
        row('kept', 'ops.runbook'),
        {
          ...row('withdrawn', 'ops.on-call'),
          revoked_at: T0.toISOString(),
          revoked_by: ADMIN,
          closed_at: T0.toISOString(),
        },
      ]);
      await knex.migrate.latest(migrations);
      const waivers = new WaiverStore(knex);
      expect(await waivers.get('kept', T0)).toMatchObject({
        state: 'active',
        grantedBy: ALICE,
        requestedBy: ALICE,
        decidedBy: ALICE,
        decidedAt: T0.toISOString(),
      });
      expect((await waivers.get('withdrawn', T0))?.state).toBe('revoked');
      expect((await waivers.active(T0)).map(w => w.id)).toEqual(['kept']);
    });
  },
);
