import {
  coreServices,
  createBackendModule,
} from '@backstage/backend-plugin-api';
import { policyExtensionPoint } from '@backstage/plugin-permission-node/alpha';
import { MandatePermissionPolicy } from './MandatePermissionPolicy';

/** Installs {@link MandatePermissionPolicy} as the portal's permission policy. @public */
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
        const adminGroup = config.getOptionalString(
          'mandate.permissions.adminGroup',
        );
        if (adminGroup) {
          logger.info(
            `Mandate permission policy in force; admin group ${adminGroup}`,
          );
        } else {
          logger.warn(
            'Mandate permission policy in force without mandate.permissions.adminGroup: nobody may waive rules of services they do not own, run full evaluations or change the catalog',
          );
        }
        policy.setPolicy(
          MandatePermissionPolicy.fromConfig(config, { userInfo }),
        );
      },
    });
  },
});
