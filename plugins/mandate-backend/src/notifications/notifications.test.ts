import {
  mockServices,
  startTestBackend,
  TestDatabases,
} from '@backstage/backend-test-utils';
import { createServiceFactory } from '@backstage/backend-plugin-api';
import { Entity } from '@backstage/catalog-model';
import { catalogServiceMock } from '@backstage/plugin-catalog-node/testUtils';
import {
  NotificationSendOptions,
  notificationService,
} from '@backstage/plugin-notifications-node';
import { mandatePlugin } from '../plugin';
import { fixtureCatalog } from '../testUtils/fixtureCatalog';

jest.setTimeout(60_000);

const databases = TestDatabases.create({
  ids: ['SQLITE_3', 'POSTGRES_15'],
  disableDocker: true,
});

const ORDERS = 'component:default/orders';
const TEAM = 'group:default/checkout-team';

/** The fixture catalog with one annotation of `orders` changed. */
function withOrdersAnnotation(name: string, value: string): Entity[] {
  return fixtureCatalog.map(entity =>
    entity.metadata.name === 'orders'
      ? {
          ...entity,
          metadata: {
            ...entity.metadata,
            annotations: { ...entity.metadata.annotations, [name]: value },
          },
        }
      : entity,
  );
}

describe.each(databases.eachSupportedId())(
  'notifications and level-change events on %p',
  databaseId => {
    async function start(options: { enabled: boolean }) {
      const knex = await databases.init(databaseId);
      let entities = fixtureCatalog;
      const catalog = catalogServiceMock.mock({
        getEntities: (req, opts) =>
          catalogServiceMock({ entities }).getEntities(req, opts),
        getEntitiesByRefs: (req, opts) =>
          catalogServiceMock({ entities }).getEntitiesByRefs(req, opts),
      });
      const sent: NotificationSendOptions[] = [];
      // The tasks run when the test says so, and their errors fail it.
      const scheduler = mockServices.scheduler.mock();
      const scheduled = () =>
        scheduler.scheduleTask.mock.calls.map(([task]) => task);
      const run = async (id: string) => {
        const task = scheduled().find(t => t.id === id);
        if (!task) throw new Error(`No task ${id}`);
        await task.fn(new AbortController().signal);
      };
      const events = mockServices.events.mock();
      await startTestBackend({
        features: [
          mandatePlugin,
          catalog.factory,
          mockServices.database.factory({ knex }),
          scheduler.factory,
          events.factory,
          createServiceFactory({
            service: notificationService,
            deps: {},
            factory: () => ({
              send: async (notification: NotificationSendOptions) => {
                sent.push(notification);
              },
            }),
          }),
          mockServices.rootConfig.factory({
            data: { mandate: { notifications: { enabled: options.enabled } } },
          }),
        ],
      });
      const levelOfOrders = async () =>
        (await knex('mandate_entities').where('entity_ref', ORDERS).first())
          ?.level;
      return {
        sent,
        events,
        scheduled,
        levelOfOrders,
        setCatalog: (next: Entity[]) => {
          entities = next;
        },
        evaluate: () => run('mandate-full-evaluation'),
        digest: () => run('mandate-notification-digest'),
        publish: () => run('mandate-level-change-events'),
      };
    }

    it('tells the owning team of a level drop once a day, and publishes every change', async () => {
      const backend = await start({ enabled: true });
      await backend.evaluate();
      const before = await backend.levelOfOrders();
      expect(before).toBe('bronze');

      // Nothing dropped yet: no digest, no event.
      await backend.digest();
      await backend.publish();
      expect(backend.sent).toEqual([]);
      expect(backend.events.publish).not.toHaveBeenCalled();

      // Without a runbook orders misses a bronze rule.
      backend.setCatalog(withOrdersAnnotation('mandate.dev/runbook', ''));
      await backend.evaluate();
      expect(await backend.levelOfOrders()).toBe('none');

      await backend.digest();
      expect(backend.sent).toHaveLength(1);
      expect(backend.sent[0].recipients).toEqual({
        type: 'entity',
        entityRef: TEAM,
      });
      expect(backend.sent[0].payload).toMatchObject({
        title: 'Mandate: 1 update for checkout-team',
        description: '- orders dropped from bronze to none',
        severity: 'high',
        link: '/catalog/default/group/checkout-team/mandate',
      });

      // The same day: neither the same drop again nor a second digest.
      await backend.digest();
      backend.setCatalog(fixtureCatalog);
      await backend.evaluate();
      backend.setCatalog(withOrdersAnnotation('mandate.dev/runbook', ''));
      await backend.evaluate();
      await backend.digest();
      expect(backend.sent).toHaveLength(1);

      // Every change is an event, the rise too, each published once.
      await backend.publish();
      await backend.publish();
      const payloads = backend.events.publish.mock.calls.map(([params]) => {
        expect(params.topic).toBe('mandate.level-changed');
        return params.eventPayload;
      });
      expect(payloads).toEqual([
        expect.objectContaining({
          entityRef: ORDERS,
          owner: TEAM,
          from: 'bronze',
          to: 'none',
        }),
        expect.objectContaining({
          entityRef: ORDERS,
          owner: TEAM,
          from: 'none',
          to: 'bronze',
        }),
        expect.objectContaining({
          entityRef: ORDERS,
          owner: TEAM,
          from: 'bronze',
          to: 'none',
        }),
      ]);
      for (const payload of payloads)
        expect(Date.parse((payload as { at: string }).at)).not.toBeNaN();
    });

    it('sends no digest when notifications are not enabled', async () => {
      const backend = await start({ enabled: false });
      await backend.evaluate();
      backend.setCatalog(withOrdersAnnotation('mandate.dev/runbook', ''));
      await backend.evaluate();
      const tasks = backend.scheduled().map(t => t.id);
      expect(tasks).not.toContain('mandate-notification-digest');
      // The event is published all the same.
      await backend.publish();
      expect(backend.events.publish).toHaveBeenCalledTimes(1);
      expect(backend.sent).toEqual([]);
    });
  },
);
