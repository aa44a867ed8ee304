import {
  coreServices,
  createBackendModule,
} from '@backstage/backend-plugin-api';
import { catalogProcessingExtensionPoint } from '@backstage/plugin-catalog-node';
import { MandateAnnotationProcessor } from './MandateAnnotationProcessor';
import {
  createBundlingPlaceholderResolver,
  createTextPlaceholderResolver,
  fileLocationRoots,
} from './placeholders';
import { readFileLimits } from '@mandate-dev/plugin-mandate-node';
import { readMaxMetrics } from './readMaxMetrics';

/**
 * The catalog module of Mandate: validates `mandate.dev/` annotations as entities are
 * processed, and replaces the `$text` placeholder resolver with one that can read definitions
 * next to file locations (the demo catalog's APIs use `$text: ./apis/<file>`). It also provides
 * `$openapi`/`$asyncapi` (those of `@backstage/plugin-catalog-backend-module-openapi`, which it
 * delegates URL locations to), bundling multi-file definitions next to file locations as the
 * CLI does; so do not also install that module (the catalog refuses two resolvers of a key).
 *
 * @public
 */
export const catalogModuleMandate = createBackendModule({
  pluginId: 'catalog',
  moduleId: 'mandate',
  register(env) {
    env.registerInit({
      deps: {
        catalog: catalogProcessingExtensionPoint,
        config: coreServices.rootConfig,
        logger: coreServices.logger,
      },
      async init({ catalog, config, logger }) {
        catalog.addProcessor(
          new MandateAnnotationProcessor({
            logger,
            maxMetrics: readMaxMetrics(config),
          }),
        );
        const files = {
          roots: fileLocationRoots(config),
          maxBytes: readFileLimits(config).maxFileBytes,
        };
        catalog.addPlaceholderResolver(
          'text',
          createTextPlaceholderResolver(files),
        );
        for (const key of ['openapi', 'asyncapi']) {
          catalog.addPlaceholderResolver(
            key,
            createBundlingPlaceholderResolver(files),
          );
        }
      },
    });
  },
});
