import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import request from 'supertest';
import { createBackendPlugin } from '@backstage/backend-plugin-api';
import { mockServices, startTestBackend } from '@backstage/backend-test-utils';
import catalogPlugin from '@backstage/plugin-catalog-backend';
import {
  CatalogService,
  catalogLocationsExtensionPoint,
  catalogProcessingExtensionPoint,
  catalogServiceRef,
} from '@backstage/plugin-catalog-node';
import {
  mockActionContext,
  newServiceValues,
  renderNewServiceSkeleton,
} from './__testUtils__';
import { createMandatePublishLocalAction } from './actions';
import { catalogModuleMandateFileLocations } from './catalogModuleMandateFileLocations';
import { FileLocationGuardProcessor } from './fileLocations';

async function startWithMockedExtensionPoints(data: object) {
  const locations = { setAllowedLocationTypes: jest.fn() };
  const processing = { addProcessor: jest.fn() };
  await startTestBackend({
    extensionPoints: [
      [catalogLocationsExtensionPoint, locations],
      [catalogProcessingExtensionPoint, processing],
    ],
    features: [
      catalogModuleMandateFileLocations,
      mockServices.rootConfig.factory({ data }),
    ],
  });
  return { set: locations.setAllowedLocationTypes, processing };
}

describe('catalogModuleMandateFileLocations', () => {
  it('lets the catalog accept file locations when local publishing is configured', async () => {
    const { set, processing } = await startWithMockedExtensionPoints({
      mandate: { scaffolder: { localPublishDirectory: 'generated' } },
    });
    expect(set).toHaveBeenCalledWith(['url', 'file']);
    expect(processing.addProcessor).toHaveBeenCalledWith(
      expect.any(FileLocationGuardProcessor),
    );
  });

  it("leaves the catalog's default (url only) otherwise", async () => {
    const { set, processing } = await startWithMockedExtensionPoints({
      mandate: { platformTemplates: ['go-1.23'] },
    });
    expect(set).not.toHaveBeenCalled();
    expect(processing.addProcessor).not.toHaveBeenCalled();
  });
});

/**
 * The real catalog backend with this module: what any user reaches with
 * POST /api/catalog/locations. Layout of the temporary folder:
 *
 *   secret.txt                       a host file (a line the YAML parser would quote)
 *   outside/catalog-info.yaml        the same secret, named like a catalog file
 *   catalog/all.yaml, org.yaml       the configured catalog.locations
 *   catalog/generated/               the publish directory
 *     svc/catalog-info.yaml          a published service
 *     svc/secret.yaml                not a catalog-info.yaml
 *     linked/catalog-info.yaml       a symbolic link to secret.txt
 *     nested/catalog-info.yaml       a Location entity pointing at ../../../secret.txt
 */
describe('catalogModuleMandateFileLocations with the catalog backend', () => {
  const secretMarker = `SECRET-${Math.random().toString(36).slice(2)}`;
  const secretLine = `db_password: ${secretMarker}: hunter2`;
  let root: string;
  let publishDirectory: string;
  let server: Awaited<ReturnType<typeof startTestBackend>>['server'];
  let catalog: CatalogService;
  let workspacePath: string;

  const write = (file: string, content: string) => {
    fs.mkdirSync(path.dirname(path.join(root, file)), { recursive: true });
    fs.writeFileSync(path.join(root, file), content);
  };
  const component = (name: string) =>
    `apiVersion: backstage.io/v1alpha1\nkind: Component\nmetadata:\n  name: ${name}\nspec:\n  type: service\n  lifecycle: production\n  owner: team-a\n`;

  beforeAll(async () => {
    root = fs.realpathSync(
      fs.mkdtempSync(path.join(os.tmpdir(), 'mandate-file-locations-')),
    );
    publishDirectory = path.join(root, 'catalog', 'generated');
    write('secret.txt', `${secretLine}\n`);
    write('outside/catalog-info.yaml', `${secretLine}\n`);
    write(
      'catalog/all.yaml',
      'apiVersion: backstage.io/v1alpha1\nkind: Location\nmetadata:\n  name: demo\nspec:\n  type: file\n  targets:\n    - ./org.yaml\n',
    );
    write('catalog/org.yaml', component('configured-service'));
    write('catalog/generated/svc/catalog-info.yaml', component('published'));
    write('catalog/generated/svc/secret.yaml', `${secretLine}\n`);
    fs.mkdirSync(path.join(publishDirectory, 'linked'));
    fs.symlinkSync(
      path.join(root, 'secret.txt'),
      path.join(publishDirectory, 'linked', 'catalog-info.yaml'),
    );
    write(
      'catalog/generated/nested/catalog-info.yaml',
      'apiVersion: backstage.io/v1alpha1\nkind: Location\nmetadata:\n  name: nested\nspec:\n  type: file\n  target: ../../../secret.txt\n',
    );
    workspacePath = await renderNewServiceSkeleton(newServiceValues());

    const catalogProbe = createBackendPlugin({
      pluginId: 'catalog-probe',
      register(env) {
        env.registerInit({
          deps: { catalogService: catalogServiceRef },
          async init({ catalogService }) {
            catalog = catalogService;
          },
        });
      },
    });
    ({ server } = await startTestBackend({
      features: [
        catalogPlugin,
        catalogModuleMandateFileLocations,
        catalogProbe,
        mockServices.rootConfig.factory({
          data: {
            catalog: {
              locations: [
                {
                  type: 'file',
                  target: path.join(root, 'catalog', 'all.yaml'),
                },
              ],
            },
            mandate: { scaffolder: { localPublishDirectory: 'generated' } },
          },
        }),
      ],
    }));
  });

  afterAll(() => {
    fs.rmSync(root, { recursive: true, force: true });
    fs.rmSync(workspacePath, { recursive: true, force: true });
  });

  const register = (target: string, dryRun: boolean) =>
    request(server)
      .post(`/api/catalog/locations${dryRun ? '?dryRun=true' : ''}`)
      .send({ type: 'file', target });

  /** Every non-empty line of the file, when this process may read it. */
  const linesOf = (file: string) => {
    try {
      return fs
        .readFileSync(file, 'utf-8')
        .split('\n')
        .filter(line => line.trim());
    } catch {
      return [];
    }
  };

  const refused: Array<[string, () => string, () => string]> = [
    ['/etc/passwd', () => '/etc/passwd', () => '/etc/passwd'],
    [
      'a host file outside the publish directory',
      () => path.join(root, 'secret.txt'),
      () => path.join(root, 'secret.txt'),
    ],
    [
      'a catalog-info.yaml reached with a .. escape',
      () => `${publishDirectory}/svc/../../../outside/catalog-info.yaml`,
      () => path.join(root, 'outside', 'catalog-info.yaml'),
    ],
    [
      'a symbolic link in the publish directory pointing outside',
      () => path.join(publishDirectory, 'linked', 'catalog-info.yaml'),
      () => path.join(root, 'secret.txt'),
    ],
    [
      'a file in the publish directory that is not a catalog-info.yaml',
      () => path.join(publishDirectory, 'svc', 'secret.yaml'),
      () => path.join(publishDirectory, 'svc', 'secret.yaml'),
    ],
  ];

  it.each(refused)(
    'refuses to register %s, dry run or not, and answers with none of its lines',
    async (_name, target, file) => {
      const lines = [...linesOf(file()), secretMarker];
      for (const dryRun of [true, false]) {
        const response = await register(target(), dryRun);
        expect(response.status).toBe(400);
        expect(response.body.error.message).toMatch(
          /Refusing to register file location .*: only catalog-info.yaml files inside the local publish directory/,
        );
        for (const line of lines) {
          expect(response.text).not.toContain(line);
        }
      }
      const stored = await request(server).get('/api/catalog/locations');
      expect(stored.status).toBe(200);
      expect(
        stored.body.map((l: { data: { target: string } }) => l.data.target),
      ).not.toContain(target());
    },
  );

  it('never reads a file a published Location entity points at outside the allowed folders', async () => {
    const response = await register(
      path.join(publishDirectory, 'nested', 'catalog-info.yaml'),
      true,
    );
    expect(response.status).toBe(400);
    expect(response.body.error.message).toContain(
      `Refusing to read file location ${path.join(root, 'secret.txt')}`,
    );
    expect(response.text).not.toContain(secretMarker);
  });

  it('registers a catalog-info.yaml inside the publish directory', async () => {
    const target = path.join(publishDirectory, 'svc', 'catalog-info.yaml');
    const dryRun = await register(target, true);
    expect(dryRun.status).toBe(201);
    expect(
      dryRun.body.entities.map(
        (e: { kind: string; metadata: { name: string } }) =>
          `${e.kind}:${e.metadata.name}`,
      ),
    ).toContain('Component:published');

    const registered = await register(target, false);
    expect(registered.status).toBe(201);
    expect(registered.body.location).toMatchObject({ type: 'file', target });
  });

  it('keeps reading the configured catalog.locations', async () => {
    // The catalog ingests config locations in the background: wait for it.
    let status = 0;
    while (status !== 200) {
      status = (
        await request(server).get(
          '/api/catalog/entities/by-name/component/default/configured-service',
        )
      ).status;
      if (status !== 200) await new Promise(r => setTimeout(r, 200));
    }
    expect(status).toBe(200);
  }, 60_000);

  it('lets mandate:publish:local register the service it publishes', async () => {
    const action = createMandatePublishLocalAction({
      catalog,
      directory: publishDirectory,
    });
    const ctx = mockActionContext({
      input: { name: 'gift-cards' },
      workspacePath,
    });
    await action.handler(ctx);

    const target = path.join(
      publishDirectory,
      'gift-cards',
      'catalog-info.yaml',
    );
    expect(ctx.outputs.catalogInfoPath).toBe(target);
    const stored = await request(server).get('/api/catalog/locations');
    expect(
      stored.body.map((l: { data: { target: string } }) => l.data.target),
    ).toContain(target);
  });
});
