import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { mockServices, startTestBackend } from '@backstage/backend-test-utils';
import { catalogServiceMock } from '@backstage/plugin-catalog-node/testUtils';
import { scaffolderActionsExtensionPoint } from '@backstage/plugin-scaffolder-node';
import { scaffolderModuleMandate } from './scaffolderModuleMandate';

describe('scaffolderModuleMandate', () => {
  it('adds mandate:check (dry-run capable) and mandate:publish:local', async () => {
    const actions = { addActions: jest.fn() };
    await startTestBackend({
      extensionPoints: [[scaffolderActionsExtensionPoint, actions]],
      features: [
        scaffolderModuleMandate,
        catalogServiceMock.factory(),
        mockServices.rootConfig.factory({
          data: { mandate: { platformTemplates: ['node-22-express'] } },
        }),
      ],
    });
    const added = actions.addActions.mock.calls.flat();
    expect(added.map(action => action.id)).toEqual([
      'mandate:check',
      'mandate:publish:local',
    ]);
    expect(added[0].supportsDryRun).toBe(true);
    expect(added[1].supportsDryRun).toBeFalsy();
  });

  it('registers the services published earlier at startup when local publishing is configured', async () => {
    const directory = fs.mkdtempSync(path.join(os.tmpdir(), 'mandate-module-'));
    try {
      fs.mkdirSync(path.join(directory, 'gift-cards'));
      fs.writeFileSync(
        path.join(directory, 'gift-cards', 'catalog-info.yaml'),
        '',
      );
      const catalog = catalogServiceMock.mock();
      const start = (scaffolder?: object) =>
        startTestBackend({
          extensionPoints: [
            [scaffolderActionsExtensionPoint, { addActions: jest.fn() }],
          ],
          features: [
            scaffolderModuleMandate,
            catalog.factory,
            mockServices.rootConfig.factory({
              data: {
                mandate: { scaffolder },
                catalog: {
                  locations: [
                    { type: 'file', target: path.join(directory, 'all.yaml') },
                  ],
                },
              },
            }),
          ],
        });

      await start();
      expect(catalog.addLocation).not.toHaveBeenCalled();

      await start({ localPublishDirectory: '.' });
      expect(catalog.addLocation).toHaveBeenCalledWith(
        {
          type: 'file',
          target: path.join(directory, 'gift-cards', 'catalog-info.yaml'),
          onConflict: 'refresh',
        },
        expect.anything(),
      );
    } finally {
      fs.rmSync(directory, { recursive: true, force: true });
    }
  });

  it('refuses to start with an invalid mandate config', async () => {
    await expect(
      startTestBackend({
        extensionPoints: [
          [scaffolderActionsExtensionPoint, { addActions: jest.fn() }],
        ],
        features: [
          scaffolderModuleMandate,
          catalogServiceMock.factory(),
          mockServices.rootConfig.factory({
            data: { mandate: { serviceTypes: [] } },
          }),
        ],
      }),
    ).rejects.toThrow(/mandate\.serviceTypes/);
  });
});
