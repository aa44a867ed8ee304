import {
  coreServices,
  createBackendModule,
} from '@backstage/backend-plugin-api';
import { catalogLocationsExtensionPoint } from '@backstage/plugin-catalog-node';

/**
 * Lets the catalog accept registered `file` locations besides `url` ones: without it the
 * catalog refuses `mandate:publish:local`'s registration ("Registered locations must be of an
 * allowed type"). Only when `mandate.scaffolder.localPublishDirectory` is configured, because
 * it lets anyone allowed to register locations point the catalog at files on the backend's
 * host; a portal that publishes to a Git host never needs it.
 */
export const catalogModuleMandateFileLocations = createBackendModule({
  pluginId: 'catalog',
  moduleId: 'mandate-file-locations',
  register(env) {
    env.registerInit({
      deps: {
        locations: catalogLocationsExtensionPoint,
        config: coreServices.rootConfig,
      },
      async init({ locations, config }) {
        if (config.has('mandate.scaffolder.localPublishDirectory')) {
          locations.setAllowedLocationTypes(['url', 'file']);
        }
      },
    });
  },
});
