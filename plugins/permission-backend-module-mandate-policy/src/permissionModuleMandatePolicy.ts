import {
  coreServices,
  createBackendModule,
} from '@backstage/backend-plugin-api';
import { policyExtensionPoint } from '@backstage/plugin-permission-node/alpha';
import { MandatePermissionPolicy } from './MandatePermissionPolicy';

/** Installs {@link MandatePermissionPolicy} as the portal's permission policy. */
export const permissionModuleMandatePolicy = createBackendModule({
  pluginId: 'permission',
  moduleId: 'mandate-policy',
  register(reg) {
    reg.registerInit({
      deps: {
        policy: policyExtensionPoint,
        config: coreServices.rootConfig,
        userInfo: coreServices.userInfo,
        logger: coreServices.logger,
      },
      async init({ policy, config, userInfo, logger }) {
        if (!config.has('mandate.permissions.adminGroup')) {
          logger.warn(
            'mandate.permissions.adminGroup is not set: nobody may waive rules of services they do not own, run full evaluations or change the catalog',
          );
        }
        policy.setPolicy(MandatePermissionPolicy.fromConfig(config, { userInfo }));
      },
    });
  },
});
