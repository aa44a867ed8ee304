import {
  coreServices,
  createBackendModule,
} from '@backstage/backend-plugin-api';
import {
  catalogLocationsExtensionPoint,
  catalogProcessingExtensionPoint,
} from '@backstage/plugin-catalog-node';
import { isLocalPublishingEnabled } from './config';
import {
  createFileLocationRegistrationGuard,
  FileLocationGuardProcessor,
  readFileLocationPolicy,
} from './fileLocations';

/**
 * Lets the catalog accept registered `file` locations besides `url` ones: without it the
 * catalog refuses `mandate:publish:local`'s registration ("Registered locations must be of an
 * allowed type"). Only when `mandate.scaffolder.localPublishDirectory` is configured, and then
 * only for what local publishing needs: a registered file location must be a catalog-info.yaml
 * inside the publish directory (refused with 400 otherwise, before anything is stored or
 * read), and the catalog reads no file outside `catalog.locations`' folders and those
 * catalog-info.yaml files, whoever points it there.
 *
 * @public
 */
export const catalogModuleMandateFileLocations = createBackendModule({
  pluginId: 'catalog',
  moduleId: 'mandate-file-locations',
  register(env) {
    env.registerInit({
      deps: {
        locations: catalogLocationsExtensionPoint,
        processing: catalogProcessingExtensionPoint,
        httpRouter: coreServices.httpRouter,
        config: coreServices.rootConfig,
      },
      async init({ locations, processing, httpRouter, config }) {
        if (!isLocalPublishingEnabled(config)) return;
        const policy = readFileLocationPolicy(config);
        // Modules initialise before their plugin, so this runs ahead of the catalog's routes.
        httpRouter.use(createFileLocationRegistrationGuard(policy));
        processing.addProcessor(new FileLocationGuardProcessor(policy));
        locations.setAllowedLocationTypes(['url', 'file']);
      },
    });
  },
});
