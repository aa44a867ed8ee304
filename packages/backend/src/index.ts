import { createBackend } from '@backstage/backend-defaults';
import { accessControlFeatures } from './accessControlFeatures';

const backend = createBackend();

backend.add(import('@backstage/plugin-app-backend'));

// Auth: the sign-in providers that auth.providers configures (guest for the demo, GitHub in
// production), and the permission policy that mandate.permissions.policy names.
backend.add(import('@backstage/plugin-auth-backend'));
backend.add(import('@backstage/plugin-permission-backend'));
backend.add(accessControlFeatures);

// Events: lets the catalog and Mandate hear about entity changes.
backend.add(import('@backstage/plugin-events-backend'));

// Catalog
backend.add(import('@backstage/plugin-catalog-backend'));
backend.add(
  import('@backstage/plugin-catalog-backend-module-scaffolder-entity-model'),
);
backend.add(import('@backstage/plugin-catalog-backend-module-logs'));
backend.add(import('@internal/plugin-catalog-backend-module-mandate'));

// Scaffolder
backend.add(import('@backstage/plugin-scaffolder-backend'));
backend.add(import('@internal/plugin-scaffolder-backend-module-mandate'));

// Mandate: scores every service against the rulebook.
backend.add(import('@internal/plugin-mandate-backend'));

backend.start();
