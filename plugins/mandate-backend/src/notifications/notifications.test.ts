import { mockServices, startTestBackend } from '@backstage/backend-test-utils';
import { createServiceFactory } from '@backstage/backend-plugin-api';
import { Entity } from '@backstage/catalog-model';
import { catalogServiceMock } from '@backstage/plugin-catalog-node/testUtils';
import {
  NotificationSendOptions,
  notificationService,
} from '@backstage/plugin-notifications-node';
import { CampaignStore } from '../campaigns/CampaignStore';
import { mandatePlugin } from '../plugin';
import { fixtureCatalog } from '../__testUtils__/fixtureCatalog';
import { mandateTestDatabases } from '../__testUtils__/testDatabases';

jest.setTimeout(60_000);

const databases = mandateTestDatabases();

const ORDERS = 'component:default/orders';
const TEAM = 'group:default/checkout-team';
const DAY_MS = 24 * 60 * 60 * 1000;

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
    async function start(options: {
      enabled: boolean;
      campaignDeadlineDays?: number;
    }) {
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
            data: {
              mandate: {
                notifications: {
                  enabled: options.enabled,
                  ...(options.campaignDeadlineDays
                    ? { campaignDeadlineDays: options.campaignDeadlineDays }
                    : {}),
                },
              },
            },
          }),
        ],
      });
      const levelOfOrders = async () =>
        (await knex('mandate_entities').where('entity_ref', ORDERS).first())
          ?.level;
      return {
        knex,
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

    it('tells the team of a campaign deadline within mandate.notifications.campaignDeadlineDays, not of a later one', async () => {
      const backend = await start({ enabled: true, campaignDeadlineDays: 3 });
      await backend.evaluate();
      const campaigns = new CampaignStore(backend.knex);
      const inDays = (days: number) =>
        new Date(Date.now() + days * DAY_MS).toISOString().slice(0, 10);
      // orders (critical) is bronze, recommendations (low) silver.
      const create = (name: string, deadline: string) =>
        campaigns.create(
          {
            name,
            goal: { kind: 'level', level: 'silver' },
            scope: {},
            deadline,
            owner: 'group:default/platform-team',
          },
          'user:default/alice',
          new Date(),
        );
      await create('In five days', inDays(5));
      await backend.digest();
      expect(backend.sent).toEqual([]);

      await create('In two days', inDays(2));
      await backend.digest();
      await backend.digest();
      expect(backend.sent).toHaveLength(1);
      expect(backend.sent[0]).toMatchObject({
        recipients: { type: 'entity', entityRef: TEAM },
        payload: {
          title: 'Mandate: 1 update for checkout-team',
          description: `- campaign "In two days" ends on ${inDays(
            2,
          )}: 1 of 2 services still open`,
        },
      });
    });

    it('tells of a campaign deadline 14 days ahead by default, not of one 15 days ahead', async () => {
      const backend = await start({ enabled: true });
      await backend.evaluate();
      for (const [name, days] of [
        ['Two weeks', 14],
        ['Fifteen days', 15],
      ] as const) {
        await new CampaignStore(backend.knex).create(
          {
            name,
            goal: { kind: 'level', level: 'silver' },
            scope: { tiers: ['critical'] },
            deadline: new Date(Date.now() + days * DAY_MS)
              .toISOString()
              .slice(0, 10),
            owner: 'group:default/platform-team',
          },
          'user:default/alice',
          new Date(),
        );
      }
      await backend.digest();
      expect(backend.sent.map(n => n.payload.description)).toEqual([
        expect.stringMatching(
          /^- campaign "Two weeks" ends on .*: 1 of 1 service still open$/,
        ),
      ]);
    });

    it('remembers what it told for as long as a campaign deadline can stay near', async () => {
      const backend = await start({ enabled: true, campaignDeadlineDays: 40 });
      const daysAgo = (days: number) =>
        new Date(Date.now() - days * DAY_MS).toISOString().slice(0, 10);
      await backend.knex('mandate_digest_items').insert([
        {
          recipient: TEAM,
          item_key: 'campaign-deadline:c:x',
          day: daysAgo(35),
        },
        { recipient: TEAM, item_key: 'level-drop:1', day: daysAgo(45) },
      ]);
      await backend.digest();
      // Pruned past the 40 days the campaign item can stay due, not past the usual 30.
      expect(
        (await backend.knex('mandate_digest_items')).map(r => r.item_key),
      ).toEqual(['campaign-deadline:c:x']);
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
