import {
  coreServices,
  createBackendModule,
} from '@backstage/backend-plugin-api';
import { catalogServiceRef } from '@backstage/plugin-catalog-node';
import { scaffolderActionsExtensionPoint } from '@backstage/plugin-scaffolder-node';
import {
  readFileLimits,
  readMandateConfig,
  builtInRules,
} from '@mandate-dev/plugin-mandate-node';
import {
  createMandateCheckAction,
  createMandatePublishLocalAction,
} from './actions';
import {
  isLocalPublishingEnabled,
  resolveLocalPublishDirectory,
} from './config';
import { registerPublishedServices } from './registerPublishedServices';

/**
 * The scaffolder actions of Mandate: `mandate:check` (onboarding is refused below the required
 * level, as the Mandate backend scores it) and `mandate:publish:local` (the demo's publishing without a Git host). Where local
 * publishing is configured, the services published earlier are registered again at startup.
 *
 * @public
 */
export const scaffolderModuleMandate = createBackendModule({
  pluginId: 'scaffolder',
  moduleId: 'mandate',
  register(env) {
    env.registerInit({
      deps: {
        scaffolder: scaffolderActionsExtensionPoint,
        catalog: catalogServiceRef,
        config: coreServices.rootConfig,
        auth: coreServices.auth,
        discovery: coreServices.discovery,
        logger: coreServices.logger,
        lifecycle: coreServices.lifecycle,
      },
      async init({
        scaffolder,
        catalog,
        config,
        auth,
        discovery,
        logger,
        lifecycle,
      }) {
        const directory = resolveLocalPublishDirectory(config);
        scaffolder.addActions(
          // The Mandate backend scores with its rules and config; this config only limits the
          // files read and names the service types. Reading it also refuses an invalid one.
          createMandateCheckAction({
            discovery,
            auth,
            config: readMandateConfig(config, builtInRules),
            limits: readFileLimits(config),
          }),
          createMandatePublishLocalAction({ catalog, directory }),
        );
        // Only where local publishing is configured does the catalog accept file locations.
        if (isLocalPublishingEnabled(config)) {
          lifecycle.addStartupHook(async () => {
            await registerPublishedServices({
              catalog,
              auth,
              logger,
              directory,
            });
          });
        }
      },
    });
  },
});
