import fs from 'node:fs';
import path from 'node:path';
import {
  createBackendModule,
  DiscoveryService,
} from '@backstage/backend-plugin-api';
import { mockServices, startTestBackend } from '@backstage/backend-test-utils';
import { Entity } from '@backstage/catalog-model';
import { catalogServiceMock } from '@backstage/plugin-catalog-node/testUtils';
// The action's tests run it against the real Mandate backend plugin it asks in production.
// eslint-disable-next-line @backstage/no-mixed-plugin-imports
import mandatePlugin from '@mandate-dev/plugin-mandate-backend';
import {
  MandateRule,
  mandateRulesExtensionPoint,
} from '@mandate-dev/plugin-mandate-node';
import { parse } from 'yaml';
import { REPO_ROOT } from './renderNewServiceSkeleton';

/** The `mandate:` section of the demo's app-config, as the portal runs it. */
const mandateConfig = parse(
  fs.readFileSync(path.join(REPO_ROOT, 'app-config.yaml'), 'utf8'),
).mandate;

/**
 * A backend hosting the Mandate backend plugin over a catalog of `entities`, with `rules`
 * added through `mandateRulesExtensionPoint`, and a discovery that finds it from outside.
 */
export async function startMandateBackend(options: {
  entities: Entity[];
  rules?: MandateRule[];
}): Promise<{ discovery: DiscoveryService }> {
  const customRules = createBackendModule({
    pluginId: 'mandate',
    moduleId: 'test-rules',
    register(env) {
      env.registerInit({
        deps: { rules: mandateRulesExtensionPoint },
        async init({ rules }) {
          rules.addRules(...(options.rules ?? []));
        },
      });
    },
  });
  const { server } = await startTestBackend({
    features: [
      mandatePlugin,
      customRules,
      catalogServiceMock.factory({ entities: options.entities }),
      mockServices.rootConfig.factory({ data: { mandate: mandateConfig } }),
    ],
  });
  const baseUrl = `http://localhost:${server.port()}/api/mandate`;
  return {
    discovery: {
      getBaseUrl: async () => baseUrl,
      getExternalBaseUrl: async () => baseUrl,
    },
  };
}
