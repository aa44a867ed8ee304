import {
  coreServices,
  createBackendModule,
} from '@backstage/backend-plugin-api';
import { mandateHistoryExtensionPoint } from '@mandate-dev/plugin-mandate-node';
import { demoHistorySeeder } from './demoHistorySeeder';

/**
 * Demo only: when `mandate.demo.seedHistory` is true (app-config.yaml; production turns it
 * off), gives the first start a quarter of believable history, so that the dashboard's trends
 * and 30-day changes show something before the portal has recorded any.
 */
export const demoHistoryModule = createBackendModule({
  pluginId: 'mandate',
  moduleId: 'demo-history',
  register(env) {
    env.registerInit({
      deps: {
        config: coreServices.rootConfig,
        history: mandateHistoryExtensionPoint,
      },
      async init({ config, history }) {
        if (config.getOptionalBoolean('mandate.demo.seedHistory')) {
          history.setHistorySeeder(demoHistorySeeder);
        }
      },
    });
  },
});
