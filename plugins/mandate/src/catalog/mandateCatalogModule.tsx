import {
  coreExtensionData,
  createFrontendModule,
} from '@backstage/frontend-plugin-api';
import { CatalogFilterBlueprint } from '@backstage/plugin-catalog-react/alpha';
import catalogPlugin, {
  CatalogIndexPage,
} from '@backstage/plugin-catalog/alpha';
import { MandateScoresProvider } from './MandateScoresProvider';
import { mandateCatalogColumns } from './mandateCatalogColumns';

/** The catalog's filter by Mandate level, among the catalog's own filters. */
export const mandateLevelCatalogFilter = CatalogFilterBlueprint.make({
  name: 'mandate-level',
  params: {
    loader: () =>
      import('./MandateLevelPicker').then(m => <m.MandateLevelPicker />),
  },
});

/**
 * The catalog index page with Mandate level and score columns. The new frontend system has no
 * extension point for catalog columns yet, so, as Backstage's docs show, the page extension is
 * overridden with the catalog's own `CatalogIndexPage` given a `columns` function; the filters
 * attached to the page (the catalog's and the Mandate level) and its pagination config are
 * passed on as the original page does.
 */
export const mandateCatalogIndexPage = catalogPlugin
  .getExtension('page:catalog')
  .override({
    factory(originalFactory, { inputs, config }) {
      return originalFactory({
        params: {
          loader: async () => (
            <MandateScoresProvider>
              <CatalogIndexPage
                filters={
                  <>
                    {inputs.filters.map(filter =>
                      filter.get(coreExtensionData.reactElement),
                    )}
                  </>
                }
                pagination={config.pagination}
                exportSettings={
                  config.exportSettings?.enabled
                    ? config.exportSettings
                    : undefined
                }
                columns={mandateCatalogColumns}
              />
            </MandateScoresProvider>
          ),
        },
      });
    },
  });

/** Mandate in the catalog: level and score columns for components, and a level filter. */
export const mandateCatalogModule = createFrontendModule({
  pluginId: 'catalog',
  extensions: [mandateLevelCatalogFilter, mandateCatalogIndexPage],
});
