import fs from 'node:fs';
import path from 'node:path';
import { ConfigReader } from '@backstage/config';
import {
  CatalogSnapshot,
  evaluateCatalog,
  loadCatalogFiles,
  readMandateConfig,
  builtInRules,
} from '@mandate-dev/plugin-mandate-node';
import { parse, parseAllDocuments } from 'yaml';
import {
  fetchedService,
  NEW_SERVICE_TEMPLATE,
  newServiceValues,
  renderNewServiceSkeleton,
  REPO_ROOT,
} from './__testUtils__';

/**
 * The template of the demo catalog (catalog/templates/new-service): its skeleton, rendered by the
 * scaffolder's fetch:template, is a gold service for the engine on its own.
 */
const appConfig = new ConfigReader(
  parse(fs.readFileSync(path.join(REPO_ROOT, 'app-config.yaml'), 'utf8')),
);
const mandateConfig = readMandateConfig(appConfig, builtInRules);
const template = parse(fs.readFileSync(NEW_SERVICE_TEMPLATE, 'utf8'));
const ORG = path.join(REPO_ROOT, 'catalog/org');

const workspaces: string[] = [];
async function render(overrides: Parameters<typeof newServiceValues>[0] = {}) {
  const workspace = await renderNewServiceSkeleton(newServiceValues(overrides));
  workspaces.push(workspace);
  return workspace;
}
afterAll(() => {
  for (const dir of workspaces)
    fs.rmSync(dir, { recursive: true, force: true });
});

async function evaluate(paths: string[]) {
  const catalog = await loadCatalogFiles(paths);
  const snapshot = new CatalogSnapshot(catalog.inputs);
  return {
    warnings: [...catalog.warnings, ...snapshot.warnings],
    report: evaluateCatalog({
      snapshot,
      config: mandateConfig,
      now: new Date(),
    }),
  };
}

function documents(file: string) {
  return parseAllDocuments(fs.readFileSync(file, 'utf8')).map(doc => {
    expect(doc.errors).toEqual([]);
    return doc.toJS();
  });
}

describe('the new-service template', () => {
  it('renders a gold service, API, database, runbook and README', async () => {
    const workspace = await render();
    expect(fs.readdirSync(workspace).sort()).toEqual([
      'README.md',
      'catalog-info.yaml',
      'openapi.yaml',
      'runbook.md',
    ]);

    const [component, api, database] = documents(
      path.join(workspace, 'catalog-info.yaml'),
    );
    expect(component).toMatchObject({
      kind: 'Component',
      metadata: {
        name: 'gift-cards',
        description:
          'Issues and redeems gift cards: balance, top-up, redemption.',
        annotations: {
          'mandate.dev/tier': 'medium',
          'mandate.dev/slo': '99.5',
          'mandate.dev/runbook': './runbook.md',
          'mandate.dev/on-call': 'group:default/payments-team',
          'mandate.dev/key-metrics': 'availability,latency-p99,error-rate',
          'mandate.dev/dashboard':
            'https://grafana.acme-retail.example/d/gift-cards',
          'mandate.dev/platform-template': 'node-22-express',
        },
      },
      spec: {
        type: 'service',
        owner: 'group:default/payments-team',
        system: 'system:default/commerce',
        providesApis: ['api:gift-cards-api'],
        consumesApis: [],
        dependsOn: ['resource:gift-cards-db'],
      },
    });
    expect(component.spec.dependsOn).toHaveLength(1);
    expect(api).toMatchObject({
      kind: 'API',
      metadata: { name: 'gift-cards-api' },
      spec: { type: 'openapi', definition: { $text: './openapi.yaml' } },
    });
    expect(database).toMatchObject({
      kind: 'Resource',
      metadata: { name: 'gift-cards-db' },
      spec: { type: 'database', owner: 'group:default/payments-team' },
    });

    // Alone with its team: every rule passes or does not apply.
    const { report, warnings } = await evaluate([workspace, ORG]);
    expect(warnings).toEqual([]);
    expect(report.entities).toHaveLength(1);
    const [service] = report.entities;
    expect(
      service.results.filter(r => r.status === 'fail' || r.status === 'error'),
    ).toEqual([]);
    expect(service).toMatchObject({
      entityRef: 'component:default/gift-cards',
      level: 'gold',
      score: 100,
    });
  });

  it('turns the chosen services into the APIs it consumes, never dependsOn', async () => {
    const workspace = await render({
      name: 'gift-card-search',
      tier: 'high',
      system: undefined,
      needsDatabase: false,
      dependencies: [
        fetchedService('product-catalog', ['product-catalog-api']),
        fetchedService('search', ['search-api']),
      ],
    });
    const docs = documents(path.join(workspace, 'catalog-info.yaml'));
    expect(docs).toHaveLength(2);
    expect(docs[0].spec).toEqual({
      type: 'service',
      lifecycle: 'experimental',
      owner: 'group:default/payments-team',
      providesApis: ['api:gift-card-search-api'],
      consumesApis: [
        'api:default/product-catalog-api',
        'api:default/search-api',
      ],
    });

    // With the demo catalog around it, its dependencies (critical, 99.99 x 99.9) carry it.
    const catalog = path.join(REPO_ROOT, 'catalog');
    const demo = ['org', 'apis.yaml', 'services', 'resources'].map(p =>
      path.join(catalog, p),
    );
    const { report } = await evaluate([workspace, ...demo]);
    const service = report.entities.find(
      e => e.entityRef === 'component:default/gift-card-search',
    );
    expect(service).toMatchObject({ level: 'gold', score: 100 });
  });

  it('quotes free text so that any description stays valid YAML', async () => {
    const description = 'Says "hello": #1 {a: b} - [x] \\ and more';
    const workspace = await render({ description });
    const [component] = documents(path.join(workspace, 'catalog-info.yaml'));
    expect(component.metadata.description).toBe(description);
    const openapi = parse(
      fs.readFileSync(path.join(workspace, 'openapi.yaml'), 'utf8'),
    );
    expect(openapi.info).toMatchObject({ description, version: '1.0.0' });
  });

  it('encodes every value, so that a line break in a parameter adds no entity', async () => {
    const injected =
      '\n---\napiVersion: backstage.io/v1alpha1\nkind: Component\nmetadata:\n  name: injected\nspec: { type: service }\n';
    const owner = `group:default/x${injected}`;
    const system = `system:default/y${injected}`;
    const workspace = await render({ owner, system, tier: `high${injected}` });
    const docs = documents(path.join(workspace, 'catalog-info.yaml'));
    expect(docs.map(doc => doc.metadata.name)).toEqual([
      'gift-cards',
      'gift-cards-api',
      'gift-cards-db',
    ]);
    expect(docs[0].spec).toMatchObject({ owner, system });
    expect(docs[0].metadata.annotations['mandate.dev/tier']).toBe(
      `high${injected}`,
    );
    const { inputs } = await loadCatalogFiles([workspace]);
    expect(inputs.map(input => input.entity.metadata.name)).not.toContain(
      'injected',
    );
  });

  it('refuses, by the schema of its parameters, a line break in a name, ref or description', () => {
    // The scaffolder backend validates the parameters against these JSON schemas (jsonschema,
    // whose `pattern` is a unicode RegExp) when a task or a dry run is created, with a 400
    // naming the parameter. Each string value that reaches a file is constrained here.
    const properties = Object.assign(
      {},
      ...template.spec.parameters.map((page: any) => page.properties),
    );
    const accepts = (name: string, value: string) => {
      const schema = properties[name];
      return (
        new RegExp(schema.pattern, 'u').test(value) &&
        value.length <= (schema.maxLength ?? Infinity)
      );
    };
    const valid = newServiceValues();
    for (const name of ['name', 'owner', 'system', 'description']) {
      const value = (valid as any)[name] as string;
      expect([name, accepts(name, value)]).toEqual([name, true]);
      expect([name, accepts(name, `${value}\n---\nkind: Component`)]).toEqual([
        name,
        false,
      ]);
      expect([name, accepts(name, `${value}\r`)]).toEqual([name, false]);
    }
    expect(accepts('name', 'gift--cards')).toBe(false);
    expect(accepts('name', 'a'.repeat(41))).toBe(false);
    expect(accepts('owner', 'group:default/payments-team')).toBe(true);
    expect(accepts('owner', 'payments-team')).toBe(true);
    expect(accepts('owner', 'group:default/payments team')).toBe(false);
  });

  it('requires on each page of the form only fields of that page', () => {
    for (const page of template.spec.parameters) {
      expect(Object.keys(page.properties)).toEqual(
        expect.arrayContaining(page.required ?? []),
      );
    }
  });

  it('passes the values the skeleton uses and offers only approved platform templates', () => {
    const skeletonStep = template.spec.steps.find(
      (step: { action: string }) => step.action === 'fetch:template',
    );
    expect(Object.keys(skeletonStep.input.values).sort()).toEqual(
      Object.keys(newServiceValues()).sort(),
    );
    const offered: string[] = template.spec.parameters
      .map((page: any) => page.properties.platformTemplate?.enum)
      .find(Boolean);
    expect(offered.length).toBeGreaterThan(0);
    expect(mandateConfig.platformTemplates).toEqual(
      expect.arrayContaining(offered),
    );
    const steps = template.spec.steps.map(
      (step: { action: string }) => step.action,
    );
    expect(steps).toEqual([
      'catalog:fetch',
      'fetch:template',
      'mandate:check',
      'mandate:publish:local',
    ]);
  });
});
