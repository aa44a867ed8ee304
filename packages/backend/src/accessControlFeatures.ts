import {
  coreServices,
  createBackendFeatureLoader,
} from '@backstage/backend-plugin-api';

/**
 * Sign-in providers and the permission policy, chosen by config so that production is closed by
 * default: the Mandate policy unless `mandate.permissions.policy: allow-all` (the demo's
 * app-config.yaml), and only the sign-in providers that `auth.providers` configures (production
 * unsets guest).
 */
export const accessControlFeatures = createBackendFeatureLoader({
  deps: { config: coreServices.rootConfig },
  *loader({ config }) {
    if (config.has('auth.providers.guest')) {
      yield import('@backstage/plugin-auth-backend-module-guest-provider');
    }
    if (config.has('auth.providers.github')) {
      yield import('@backstage/plugin-auth-backend-module-github-provider');
    }
    const policy =
      config.getOptionalString('mandate.permissions.policy') ?? 'mandate';
    if (policy === 'allow-all') {
      yield import(
        '@backstage/plugin-permission-backend-module-allow-all-policy'
      );
    } else if (policy === 'mandate') {
      yield import(
        '@mandate-dev/plugin-permission-backend-module-mandate-policy'
      );
    } else {
      throw new Error(
        `mandate.permissions.policy must be 'mandate' or 'allow-all', got '${policy}'`,
      );
    }
  },
});
