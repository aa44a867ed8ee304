import {
  coreServices,
  createBackendPlugin,
  readSchedulerServiceTaskScheduleDefinitionFromConfig,
  resolvePackagePath,
  SchedulerServiceTaskScheduleDefinition,
} from '@backstage/backend-plugin-api';
import { actionsRegistryServiceRef } from '@backstage/backend-plugin-api/alpha';
import { readDurationFromConfig } from '@backstage/config';
import { ConflictError } from '@backstage/errors';
import { durationToMilliseconds, HumanDuration } from '@backstage/types';
import { catalogServiceRef } from '@backstage/plugin-catalog-node';
import { eventsServiceRef } from '@backstage/plugin-events-node';
import { notificationService } from '@backstage/plugin-notifications-node';
import { mandatePermissions } from '@mandate-dev/plugin-mandate-common';
import {
  DefinitionAnalysisPool,
  mandateHistoryExtensionPoint,
  MandateHistorySeeder,
  MandateRuleRegistry,
  mandateRulesExtensionPoint,
  readMandateConfig,
} from '@mandate-dev/plugin-mandate-node';
import { registerMandateActions } from './actions/registerMandateActions';
import { WaiverService } from './waivers/WaiverService';
import { CampaignStore } from './campaigns/CampaignStore';
import { seedCampaigns } from './campaigns/seedCampaigns';
import { CatalogLoader } from './evaluation/CatalogLoader';
import { MandateEvaluator } from './evaluation/MandateEvaluator';
import { createRouter } from './router/createRouter';
import { EntityAccess } from './router/EntityAccess';
import { listRuleInfos } from './rules/listRuleInfos';
import { DigestStore } from './notifications/DigestStore';
import { scheduleNotificationTasks } from './notifications/scheduleNotificationTasks';
import { EvaluationJobStore } from './store/EvaluationJobStore';
import { LevelChangeStore } from './store/LevelChangeStore';
import { ResultStore } from './store/ResultStore';
import { WaiverStore } from './store/WaiverStore';
import { scheduleMandateTasks } from './scheduleMandateTasks';
import { readRequiredLevels } from './summary/readRequiredLevels';

/** The full evaluation: every 10 minutes, first soon after start. */
const DEFAULT_SCHEDULE: SchedulerServiceTaskScheduleDefinition = {
  frequency: { minutes: 10 },
  timeout: { minutes: 15 },
  initialDelay: { seconds: 15 },
};

/**
 * Mandate's backend: evaluates the catalog on a schedule, on demand and soon after it changes,
 * stores results, history and waivers, and serves them under /api/mandate.
 *
 * @public
 */
export const mandatePlugin = createBackendPlugin({
  pluginId: 'mandate',
  register(env) {
    const registry = new MandateRuleRegistry();
    env.registerExtensionPoint(mandateRulesExtensionPoint, registry);
    let historySeeder: MandateHistorySeeder | undefined;
    env.registerExtensionPoint(mandateHistoryExtensionPoint, {
      setHistorySeeder(seeder) {
        if (historySeeder) {
          throw new ConflictError('A mandate history seeder is already set');
        }
        historySeeder = seeder;
      },
    });

    env.registerInit({
      deps: {
        config: coreServices.rootConfig,
        logger: coreServices.logger,
        lifecycle: coreServices.lifecycle,
        database: coreServices.database,
        scheduler: coreServices.scheduler,
        httpRouter: coreServices.httpRouter,
        httpAuth: coreServices.httpAuth,
        auth: coreServices.auth,
        permissions: coreServices.permissions,
        permissionsRegistry: coreServices.permissionsRegistry,
        urlReader: coreServices.urlReader,
        catalog: catalogServiceRef,
        events: eventsServiceRef,
        notifications: notificationService,
        actionsRegistry: actionsRegistryServiceRef,
      },
      async init(deps) {
        const mandateConfig = readMandateConfig(deps.config, registry.rules);
        const requiredLevels = readRequiredLevels(deps.config);
        for (const warning of mandateConfig.warnings) deps.logger.warn(warning);

        const db = await deps.database.getClient();
        if (!deps.database.migrations?.skip) {
          await db.migrate.latest({
            directory: resolvePackagePath(
              '@mandate-dev/plugin-mandate-backend',
              'migrations',
            ),
          });
        }
        const results = new ResultStore(db);
        const waivers = new WaiverStore(db);
        const campaigns = new CampaignStore(db);
        const jobTimeout: HumanDuration = deps.config.has(
          'mandate.evaluationJobs.timeout',
        )
          ? readDurationFromConfig(deps.config, {
              key: 'mandate.evaluationJobs.timeout',
            })
          : { minutes: 15 };
        const jobs = new EvaluationJobStore(
          db,
          durationToMilliseconds(jobTimeout),
        );
        const definitionPool = new DefinitionAnalysisPool();
        deps.lifecycle.addShutdownHook(() => definitionPool.close());
        const evaluator = new MandateEvaluator({
          loader: new CatalogLoader(deps),
          results,
          waivers,
          campaigns,
          config: mandateConfig,
          rules: registry.rules,
          logger: deps.logger,
          definitionPool,
        });

        const tasks = await scheduleMandateTasks({
          scheduler: deps.scheduler,
          logger: deps.logger,
          evaluator,
          results,
          waivers,
          campaigns,
          jobs,
          schedule: deps.config.has('mandate.schedule')
            ? readSchedulerServiceTaskScheduleDefinitionFromConfig(
                deps.config.getConfig('mandate.schedule'),
              )
            : DEFAULT_SCHEDULE,
          changeDetection: deps.config.has('mandate.changeDetection.frequency')
            ? readDurationFromConfig(deps.config, {
                key: 'mandate.changeDetection.frequency',
              })
            : { seconds: 30 },
          jobTimeout,
          retentionDays:
            deps.config.getOptionalNumber('mandate.history.retentionDays') ??
            400,
          historySeeder: () => historySeeder,
        });

        await scheduleNotificationTasks({
          ...deps,
          changes: new LevelChangeStore(db),
          digests: new DigestStore(db),
          results,
          waivers,
          campaigns,
        });

        const ruleInfos = listRuleInfos(registry.rules, mandateConfig);
        const access = new EntityAccess(deps.permissions, deps.catalog);
        registerMandateActions(deps.actionsRegistry, {
          access,
          campaigns,
          evaluator,
          results,
          now: () => new Date(),
          rules: ruleInfos,
          waivers: new WaiverService({
            access,
            waivers,
            results,
            evaluator,
            ruleIds: new Set(ruleInfos.map(rule => rule.id)),
            maxWaiverDays: mandateConfig.maxWaiverDays,
            now: () => new Date(),
          }),
        });

        await seedCampaigns({
          config: deps.config,
          campaigns,
          evaluator,
          ruleIds: new Set(ruleInfos.map(rule => rule.id)),
          logger: deps.logger,
        });

        deps.permissionsRegistry.addPermissions(mandatePermissions);
        deps.httpRouter.use(
          await createRouter({
            logger: deps.logger,
            httpAuth: deps.httpAuth,
            permissions: deps.permissions,
            catalog: deps.catalog,
            evaluator,
            results,
            waivers,
            campaigns,
            jobs,
            rules: registry.rules,
            config: mandateConfig,
            runJobsSoon: tasks.runJobsSoon,
            requiredLevels,
          }),
        );
      },
    });
  },
});
