import { createBackendFeatureLoader } from '@backstage/backend-plugin-api';
import { catalogModuleMandateFileLocations } from './catalogModuleMandateFileLocations';
import { scaffolderModuleMandate } from './scaffolderModuleMandate';

/**
 * What `backend.add(import('@mandate-dev/plugin-scaffolder-backend-module-mandate'))` installs:
 * the scaffolder actions and the catalog module that lets local publishing register file
 * locations, so that the demo flow needs one line in the backend.
 *
 * @public
 */
export const mandateScaffolderFeatures = createBackendFeatureLoader({
  *loader() {
    yield scaffolderModuleMandate;
    yield catalogModuleMandateFileLocations;
  },
});
