import {
  LoggerService,
  readSchedulerServiceTaskScheduleDefinitionFromConfig,
  RootConfigService,
  SchedulerService,
  SchedulerServiceTaskScheduleDefinition,
} from '@backstage/backend-plugin-api';
import { EventsService } from '@backstage/plugin-events-node';
import { NotificationService } from '@backstage/plugin-notifications-node';
import { CampaignStore } from '../campaigns/CampaignStore';
import { LevelChangeStore } from '../store/LevelChangeStore';
import { ResultStore } from '../store/ResultStore';
import { WaiverStore } from '../store/WaiverStore';
import { campaignDeadlineCollector } from './campaignDeadlineCollector';
import { DigestStore } from './DigestStore';
import { expiringWaiverCollector } from './expiringWaiverCollector';
import { levelDropCollector } from './levelDropCollector';
import { NotificationDigest } from './NotificationDigest';
import { publishLevelChanges } from './publishLevelChanges';

const DAY_MS = 24 * 60 * 60 * 1000;
/**
 * Level changes and digest records are kept this long, then forgotten; a told item is kept at
 * least as long as it can stay due (its window), or it would be told again.
 */
const KEEP_DAYS = 30;

/** Checked every hour; each team still gets at most one digest a day. */
const DEFAULT_DIGEST_SCHEDULE: SchedulerServiceTaskScheduleDefinition = {
  frequency: { hours: 1 },
  timeout: { minutes: 5 },
  initialDelay: { minutes: 1 },
};

/**
 * The tasks that tell others about results (both `scope: 'global'`):
 * - every 10 s, the recorded level changes are published as `mandate.level-changed` events;
 * - with `mandate.notifications.enabled`, the daily digest to the owning teams: level drops,
 *   waivers about to expire and campaign deadlines near with services still open.
 */
export async function scheduleNotificationTasks(options: {
  config: RootConfigService;
  scheduler: SchedulerService;
  logger: LoggerService;
  events: EventsService;
  notifications: NotificationService;
  changes: LevelChangeStore;
  digests: DigestStore;
  results: ResultStore;
  waivers: WaiverStore;
  campaigns: CampaignStore;
}): Promise<void> {
  const { config, scheduler, logger, events, changes, digests } = options;

  await scheduler.scheduleTask({
    id: 'mandate-level-change-events',
    scope: 'global',
    frequency: { seconds: 10 },
    timeout: { minutes: 2 },
    fn: async () => {
      await publishLevelChanges(changes, events);
      await changes.prune(new Date(Date.now() - KEEP_DAYS * DAY_MS));
    },
  });

  if (!config.getOptionalBoolean('mandate.notifications.enabled')) return;
  const waiverExpiryDays =
    config.getOptionalNumber('mandate.notifications.waiverExpiryDays') ?? 7;
  const campaignDeadlineDays =
    config.getOptionalNumber('mandate.notifications.campaignDeadlineDays') ??
    14;
  const keepToldDays = Math.max(
    KEEP_DAYS,
    waiverExpiryDays + 1,
    campaignDeadlineDays + 1,
  );
  const digest = new NotificationDigest({
    collectors: [
      levelDropCollector(changes),
      expiringWaiverCollector(
        options.waivers,
        options.results,
        waiverExpiryDays,
      ),
      campaignDeadlineCollector(
        options.campaigns,
        options.results,
        campaignDeadlineDays,
      ),
    ],
    store: digests,
    notifications: options.notifications,
    logger,
  });
  await scheduler.scheduleTask({
    id: 'mandate-notification-digest',
    ...(config.has('mandate.notifications.digest')
      ? readSchedulerServiceTaskScheduleDefinitionFromConfig(
          config.getConfig('mandate.notifications.digest'),
        )
      : DEFAULT_DIGEST_SCHEDULE),
    scope: 'global',
    fn: async () => {
      const now = new Date();
      const sent = await digest.run(now);
      if (sent > 0) logger.info(`Sent ${sent} Mandate digests`);
      await digests.prune(
        new Date(now.getTime() - keepToldDays * DAY_MS)
          .toISOString()
          .slice(0, 10),
      );
    },
  });
}
