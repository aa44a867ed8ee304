import { createBackend } from '@backstage/backend-defaults';
import { accessControlFeatures } from './accessControlFeatures';
import { demoHistoryModule } from './demoHistory/demoHistoryModule';

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
// Mandate's catalog module also provides the $openapi/$asyncapi placeholders of
// @backstage/plugin-catalog-backend-module-openapi (delegating URL locations to it) and bundles
// multi-file definitions next to file locations as the CLI does; that module itself is not
// added, since the catalog refuses two resolvers for one placeholder.
backend.add(import('@mandate-dev/plugin-catalog-backend-module-mandate'));

// Scaffolder
backend.add(import('@backstage/plugin-scaffolder-backend'));
backend.add(import('@mandate-dev/plugin-scaffolder-backend-module-mandate'));

// Notifications (with signals, which pushes them to open browsers): Mandate's daily digest to
// the owning teams (mandate.notifications).
backend.add(import('@backstage/plugin-notifications-backend'));
backend.add(import('@backstage/plugin-signals-backend'));

// MCP: serves the actions of the plugins in backend.actions.pluginSources (Mandate's) to AI agents
// at /api/mcp-actions/v1.
backend.add(import('@backstage/plugin-mcp-actions-backend'));

// Mandate: scores every service against the rulebook.
backend.add(import('@mandate-dev/plugin-mandate-backend'));
// Demo only (mandate.demo.seedHistory): a believable past for the dashboard on first start.
backend.add(demoHistoryModule);

backend.start();
