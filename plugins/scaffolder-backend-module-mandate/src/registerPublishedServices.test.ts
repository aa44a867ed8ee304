import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { mockCredentials, mockServices } from '@backstage/backend-test-utils';
import { catalogServiceMock } from '@backstage/plugin-catalog-node/testUtils';
import { registerPublishedServices } from './registerPublishedServices';

describe('registerPublishedServices', () => {
  let directory: string;
  beforeEach(() => {
    directory = fs.mkdtempSync(path.join(os.tmpdir(), 'mandate-published-'));
  });
  afterEach(() => fs.rmSync(directory, { recursive: true, force: true }));

  it('registers every published folder with a catalog-info.yaml as the plugin itself', async () => {
    for (const name of ['b-service', 'a-service']) {
      fs.mkdirSync(path.join(directory, name));
      fs.writeFileSync(
        path.join(directory, name, 'catalog-info.yaml'),
        'kind: Component\n',
      );
    }
    fs.mkdirSync(path.join(directory, 'half-written'));
    const catalog = catalogServiceMock.mock();
    const logger = mockServices.logger.mock();

    const count = await registerPublishedServices({
      catalog,
      auth: mockServices.auth(),
      logger,
      directory,
    });

    expect(count).toBe(2);
    expect(catalog.addLocation.mock.calls.map(call => call[0])).toEqual([
      {
        type: 'file',
        target: path.join(directory, 'a-service/catalog-info.yaml'),
        onConflict: 'refresh',
      },
      {
        type: 'file',
        target: path.join(directory, 'b-service/catalog-info.yaml'),
        onConflict: 'refresh',
      },
    ]);
    expect(catalog.addLocation.mock.calls[0][1]).toEqual({
      credentials: mockCredentials.service('plugin:test'),
    });
    expect(logger.warn).toHaveBeenCalledWith(
      expect.stringContaining('half-written'),
    );
  });

  it('does nothing before anything was published', async () => {
    const catalog = catalogServiceMock.mock();
    const count = await registerPublishedServices({
      catalog,
      auth: mockServices.auth(),
      logger: mockServices.logger.mock(),
      directory: path.join(directory, 'missing'),
    });
    expect(count).toBe(0);
    expect(catalog.addLocation).not.toHaveBeenCalled();
  });
});
