import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { mockServices } from '@backstage/backend-test-utils';
import { ConfigReader } from '@backstage/config';
import { ScmIntegrations } from '@backstage/integration';
import { createFetchTemplateAction } from '@backstage/plugin-scaffolder-backend';
import { Entity } from '@backstage/catalog-model';
import { mockActionContext } from './mockActionContext';

/** The repository root, where catalog/ and app-config.yaml live. */
export const REPO_ROOT = path.resolve(__dirname, '../../../..');

/** The template of the demo catalog: "New service following the Mandate". */
export const NEW_SERVICE_TEMPLATE = path.join(
  REPO_ROOT,
  'catalog/templates/new-service/template.yaml',
);

/** The values the template's fetch:template step passes, as a user would fill the form. */
export interface NewServiceValues {
  name: string;
  description: string;
  owner: string;
  system?: string;
  tier: string;
  slo: string;
  keyMetrics: string[];
  platformTemplate: string;
  needsDatabase: boolean;
  /** What catalog:fetch returns for the chosen services: entities with their relations. */
  dependencies: Entity[];
  dashboardUrl: string;
}

export function newServiceValues(
  overrides: Partial<NewServiceValues> = {},
): NewServiceValues {
  const name = overrides.name ?? 'gift-cards';
  return {
    name,
    description: 'Issues and redeems gift cards: balance, top-up, redemption.',
    owner: 'group:default/payments-team',
    system: 'system:default/commerce',
    tier: 'medium',
    slo: '99.5',
    keyMetrics: ['availability', 'latency-p99', 'error-rate'],
    platformTemplate: 'node-22-express',
    needsDatabase: true,
    dependencies: [],
    dashboardUrl: `https://grafana.acme-retail.example/d/${name}`,
    ...overrides,
  };
}

/** A catalog:fetch result for a service of the demo catalog that provides `apis`. */
export function fetchedService(name: string, apis: string[]): Entity {
  return {
    apiVersion: 'backstage.io/v1alpha1',
    kind: 'Component',
    metadata: { name, namespace: 'default' },
    spec: { type: 'service', providesApis: apis },
    relations: [
      { type: 'ownedBy', targetRef: 'group:default/somebody' },
      ...apis.map(api => ({
        type: 'providesApi',
        targetRef: `api:default/${api}`,
      })),
    ],
  };
}

/**
 * Renders the template's skeleton into a new workspace with the scaffolder's own fetch:template
 * action (the same renderer and file handling as a real run) and returns the workspace path.
 */
export async function renderNewServiceSkeleton(
  values: NewServiceValues,
): Promise<string> {
  const workspacePath = await fs.promises.mkdtemp(
    path.join(os.tmpdir(), 'mandate-skeleton-'),
  );
  const action = createFetchTemplateAction({
    reader: mockServices.urlReader.mock(),
    integrations: ScmIntegrations.fromConfig(new ConfigReader({})),
  });
  await action.handler(
    mockActionContext({
      input: {
        url: './skeleton',
        templateFileExtension: true,
        values: values as any,
      },
      workspacePath,
      templateInfo: {
        entityRef: 'template:default/new-mandate-service',
        baseUrl: `file://${NEW_SERVICE_TEMPLATE}`,
      },
    }),
  );
  return workspacePath;
}
