import { WaiverStore } from './WaiverStore';
import {
  mandateTestDatabases,
  migrations,
} from '../__testUtils__/testDatabases';

jest.setTimeout(60_000);

const databases = mandateTestDatabases();
const HOUR = 3600_000;

describe.each(databases.eachSupportedId())('WaiverStore on %p', databaseId => {
  async function store() {
    const knex = await databases.init(databaseId);
    await knex.migrate.latest(migrations);
    return new WaiverStore(knex);
  }
  const request = (expiresAt: Date, ruleId = 'ops.runbook') => ({
    entityRef: 'component:default/a',
    ruleId,
    reason: 'writing it',
    expiresAt: expiresAt.toISOString(),
  });

  it('stops counting an expired waiver by itself and reports it once for rescoring', async () => {
    const waivers = await store();
    const t0 = new Date('2026-11-26T10:00:00.000Z');
    await waivers.create(
      {
        entityRef: 'component:default/a',
        ruleId: 'ops.runbook',
        reason: 'writing it',
        expiresAt: new Date(t0.getTime() + HOUR).toISOString(),
      },
      'user:default/alice',
      t0,
    );
    expect(await waivers.active(t0)).toHaveLength(1);
    expect(await waivers.takeNewlyExpired(t0)).toEqual([]);

    const later = new Date(t0.getTime() + 2 * HOUR);
    expect(await waivers.active(later)).toHaveLength(0);
    expect(await waivers.takeNewlyExpired(later)).toEqual([
      'component:default/a',
    ]);
    expect(await waivers.takeNewlyExpired(later)).toEqual([]);
  });

  it('keeps an audit trail of creation and revocation', async () => {
    const waivers = await store();
    const now = new Date('2026-11-26T10:00:00.000Z');
    const waiver = await waivers.create(
      {
        entityRef: 'component:default/a',
        ruleId: 'ops.runbook',
        reason: 'writing it',
        expiresAt: new Date(now.getTime() + HOUR).toISOString(),
      },
      'user:default/alice',
      now,
    );
    await waivers.revoke(waiver.id, 'user:default/bob', now);
    await expect(
      waivers.revoke(waiver.id, 'user:default/bob', now),
    ).rejects.toMatchObject({ name: 'ConflictError' });
    await expect(
      waivers.revoke('missing', 'user:default/bob', now),
    ).rejects.toMatchObject({ name: 'NotFoundError' });

    const audit = await waivers.audit(waiver.id);
    expect(audit.map(a => [a.action, a.actor])).toEqual([
      ['create', 'user:default/alice'],
      ['revoke', 'user:default/bob'],
    ]);
    expect(await waivers.active(now)).toHaveLength(0);
    expect(
      (await waivers.list({ entityRef: 'component:default/a' }, now))[0]
        .revokedBy,
    ).toBe('user:default/bob');
  });

  it('lets the database itself refuse a second open waiver for the same entity and rule', async () => {
    const knex = await databases.init(databaseId);
    await knex.migrate.latest(migrations);
    const row = (id: string) => ({
      id,
      entity_ref: 'component:default/a',
      rule_id: 'ops.runbook',
      reason: 'r',
      granted_by: 'user:default/alice',
      created_at: '2026-11-26T10:00:00.000Z',
      expires_at: '2026-11-27T10:00:00.000Z',
    });
    await knex('mandate_waivers').insert(row('w1'));
    // The driver's error may come from another realm than jest's Error, so compare its text.
    const second = await knex('mandate_waivers')
      .insert(row('w2'))
      .then(
        () => 'inserted',
        e => String(e),
      );
    expect(second).toMatch(/UNIQUE|duplicate/i);
    // Another rule of the same entity, or the same rule of another entity, is fine.
    await knex('mandate_waivers').insert({
      ...row('w3'),
      rule_id: 'ops.dashboard',
    });
    await knex('mandate_waivers').insert({
      ...row('w4'),
      entity_ref: 'component:default/b',
    });
  });

  it('refuses a second active waiver with a ConflictError and keeps no trace of it', async () => {
    const waivers = await store();
    const now = new Date('2026-11-26T10:00:00.000Z');
    await waivers.create(
      request(new Date(now.getTime() + HOUR)),
      'user:default/alice',
      now,
    );
    await expect(
      waivers.create(
        request(new Date(now.getTime() + 2 * HOUR)),
        'user:default/bob',
        now,
      ),
    ).rejects.toMatchObject({
      name: 'ConflictError',
      message: 'component:default/a already has a waiver for ops.runbook',
    });
    expect(
      await waivers.list({ entityRef: 'component:default/a' }, now),
    ).toHaveLength(1);
    expect((await waivers.audit()).map(a => a.actor)).toEqual([
      'user:default/alice',
    ]);
  });

  it('lets a new waiver replace an expired one and a revoked one', async () => {
    const waivers = await store();
    const t0 = new Date('2026-11-26T10:00:00.000Z');
    const expired = await waivers.create(
      request(new Date(t0.getTime() + HOUR)),
      'user:default/alice',
      t0,
    );
    const later = new Date(t0.getTime() + 2 * HOUR);
    const renewed = await waivers.create(
      request(new Date(later.getTime() + HOUR)),
      'user:default/bob',
      later,
    );
    expect((await waivers.active(later)).map(w => w.id)).toEqual([renewed.id]);
    // The expired waiver stays on record as it was: expired, not revoked.
    expect((await waivers.get(expired.id, later))?.revokedAt).toBeNull();
    // Its expiry still gets its rescore: the replacement does not swallow it.
    expect(await waivers.takeNewlyExpired(later)).toEqual([
      'component:default/a',
    ]);

    await waivers.revoke(renewed.id, 'user:default/carol', later);
    const third = await waivers.create(
      request(new Date(later.getTime() + HOUR)),
      'user:default/dan',
      later,
    );
    expect((await waivers.active(later)).map(w => w.id)).toEqual([third.id]);
  });

  it('rolls a waiver change back when the follow-up in its transaction fails', async () => {
    const waivers = await store();
    const now = new Date('2026-11-26T10:00:00.000Z');
    const failing = async () => {
      throw new Error('rescore failed');
    };
    await expect(
      waivers.create(
        request(new Date(now.getTime() + HOUR)),
        'user:default/alice',
        now,
        failing,
      ),
    ).rejects.toThrow('rescore failed');
    expect(await waivers.list({}, now)).toEqual([]);
    expect(await waivers.audit()).toEqual([]);

    const waiver = await waivers.create(
      request(new Date(now.getTime() + HOUR)),
      'user:default/alice',
      now,
    );
    await expect(
      waivers.revoke(waiver.id, 'user:default/bob', now, failing),
    ).rejects.toThrow('rescore failed');
    expect((await waivers.get(waiver.id, now))?.revokedAt).toBeNull();
    expect(await waivers.active(now)).toHaveLength(1);

    const later = new Date(now.getTime() + 2 * HOUR);
    await expect(waivers.takeNewlyExpired(later, failing)).rejects.toThrow(
      'rescore failed',
    );
    // Not marked as applied: the next run of the expiry task tries again.
    expect(await waivers.takeNewlyExpired(later)).toEqual([
      'component:default/a',
    ]);
  });

  it('runs the follow-up inside the transaction of the change', async () => {
    const waivers = await store();
    const now = new Date('2026-11-26T10:00:00.000Z');
    let seen: string[] = [];
    const waiver = await waivers.create(
      request(new Date(now.getTime() + HOUR)),
      'user:default/alice',
      now,
      async tx => {
        seen = (await waivers.active(now, undefined, tx)).map(w => w.id);
      },
    );
    expect(seen).toEqual([waiver.id]);
    await waivers.revoke(waiver.id, 'user:default/bob', now, async tx => {
      seen = (await waivers.active(now, undefined, tx)).map(w => w.id);
    });
    expect(seen).toEqual([]);
  });

  it('migrates a store that already holds duplicate open waivers, keeping the first', async () => {
    const knex = await databases.init(databaseId);
    await knex.migrate.up({ ...migrations, name: '20261126000000_init.js' });
    const row = (
      id: string,
      createdAt: string,
      expiresAt = '2999-01-01T00:00:00.000Z',
    ) => ({
      id,
      entity_ref: 'component:default/a',
      rule_id: 'ops.runbook',
      reason: 'r',
      granted_by: 'user:default/alice',
      created_at: createdAt,
      expires_at: expiresAt,
    });
    await knex('mandate_waivers').insert([
      row(
        'old-expired',
        '2026-01-01T00:00:00.000Z',
        '2026-01-02T00:00:00.000Z',
      ),
      row('first', '2026-11-26T10:00:00.000Z'),
      row('second', '2026-11-26T10:00:01.000Z'),
    ]);
    await knex.migrate.latest(migrations);
    const waivers = new WaiverStore(knex);
    const now = new Date('2026-11-27T00:00:00.000Z');
    expect((await waivers.active(now)).map(w => w.id)).toEqual(['first']);
    await expect(
      waivers.create(
        request(new Date(now.getTime() + HOUR)),
        'user:default/bob',
        now,
      ),
    ).rejects.toMatchObject({ name: 'ConflictError' });
    await knex.migrate.rollback(migrations, true);
    expect(await knex.schema.hasTable('mandate_waivers')).toBe(false);
  });
});
