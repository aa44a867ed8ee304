import { TestDatabases } from '@backstage/backend-test-utils';
import { resolvePackagePath } from '@backstage/backend-plugin-api';
import { WaiverStore } from './WaiverStore';

jest.setTimeout(60_000);

const databases = TestDatabases.create({ ids: ['SQLITE_3', 'POSTGRES_15'], disableDocker: true });
const migrations = { directory: resolvePackagePath('@internal/plugin-mandate-backend', 'migrations') };
const HOUR = 3600_000;

describe.each(databases.eachSupportedId())('WaiverStore on %p', databaseId => {
  async function store() {
    const knex = await databases.init(databaseId);
    await knex.migrate.latest(migrations);
    return new WaiverStore(knex);
  }

  it('stops counting an expired waiver by itself and reports it once for rescoring', async () => {
    const waivers = await store();
    const t0 = new Date('2026-11-26T10:00:00.000Z');
    await waivers.create(
      { entityRef: 'component:default/a', ruleId: 'ops.runbook', reason: 'writing it', expiresAt: new Date(t0.getTime() + HOUR).toISOString() },
      'user:default/alice',
      t0,
    );
    expect(await waivers.active(t0)).toHaveLength(1);
    expect(await waivers.takeNewlyExpired(t0)).toEqual([]);

    const later = new Date(t0.getTime() + 2 * HOUR);
    expect(await waivers.active(later)).toHaveLength(0);
    expect(await waivers.takeNewlyExpired(later)).toEqual(['component:default/a']);
    expect(await waivers.takeNewlyExpired(later)).toEqual([]);
  });

  it('keeps an audit trail of creation and revocation', async () => {
    const waivers = await store();
    const now = new Date('2026-11-26T10:00:00.000Z');
    const waiver = await waivers.create(
      { entityRef: 'component:default/a', ruleId: 'ops.runbook', reason: 'writing it', expiresAt: new Date(now.getTime() + HOUR).toISOString() },
      'user:default/alice',
      now,
    );
    await waivers.revoke(waiver.id, 'user:default/bob', now);
    await expect(waivers.revoke(waiver.id, 'user:default/bob', now)).rejects.toMatchObject({ name: 'ConflictError' });
    await expect(waivers.revoke('missing', 'user:default/bob', now)).rejects.toMatchObject({ name: 'NotFoundError' });

    const audit = await waivers.audit(waiver.id);
    expect(audit.map(a => [a.action, a.actor])).toEqual([
      ['create', 'user:default/alice'],
      ['revoke', 'user:default/bob'],
    ]);
    expect(await waivers.active(now)).toHaveLength(0);
    expect((await waivers.list('component:default/a'))[0].revokedBy).toBe('user:default/bob');
  });
});
