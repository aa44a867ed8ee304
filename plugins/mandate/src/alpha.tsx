/**
 * Mandate for apps on the new frontend system: `createApp({ features: [mandatePlugin] })`, or
 * discovered through `app.packages: all`.
 *
 * @packageDocumentation
 */
import { mandatePlugin } from './plugin';

export { mandatePlugin };
export default mandatePlugin;
