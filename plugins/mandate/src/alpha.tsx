/**
 * Mandate for apps on the new frontend system: `createApp({ features: [mandatePlugin,
 * mandateCatalogModule] })`; the plugin is also discovered through `app.packages: all`.
 *
 * @packageDocumentation
 */
import { mandatePlugin } from './plugin';

export { mandatePlugin };
export { mandateCatalogModule } from './catalog';
export default mandatePlugin;
