import { createMockDirectory } from '@backstage/backend-test-utils';
import { InputError } from '@backstage/errors';
import { PlaceholderResolverParams } from '@backstage/plugin-catalog-node';
import path from 'node:path';
import { jsonSchemaRefPlaceholderResolver } from '@backstage/plugin-catalog-backend-module-openapi';
import { createBundlingPlaceholderResolver } from './createBundlingPlaceholderResolver';

// The module's resolver loads its (ESM) bundler with a dynamic import, which jest cannot run.
jest.mock('@backstage/plugin-catalog-backend-module-openapi', () => ({
  jsonSchemaRefPlaceholderResolver: jest.fn(
    async () => 'bundled by the module',
  ),
}));

describe('createBundlingPlaceholderResolver', () => {
  const mockDir = createMockDirectory();
  const catalogDir = mockDir.resolve('catalog');

  beforeEach(() => {
    mockDir.setContent({
      'catalog/apis.yaml': 'kind: API',
      'catalog/apis/orders/openapi.yaml':
        'openapi: 3.0.3\npaths:\n  /orders: { $ref: ./paths/orders.yaml }\n  /secret: { $ref: ../../../secret.yaml }\n',
      'catalog/apis/orders/paths/orders.yaml':
        "get:\n  responses:\n    '200': { description: ok }\n",
      'secret.yaml': 'get: { summary: top secret }\n',
    });
  });

  const resolver = createBundlingPlaceholderResolver({ roots: [catalogDir] });

  function params(value: string, baseUrl: string): PlaceholderResolverParams {
    return {
      key: 'openapi',
      value,
      baseUrl,
      read: jest.fn(async () =>
        Buffer.from('openapi: 3.0.3\npaths: {}\n', 'utf-8'),
      ),
      resolveUrl: jest.fn((url: string, base: string) =>
        new URL(url, base).toString(),
      ),
      emit: jest.fn(),
    };
  }

  it('bundles a definition next to a file location inside the catalog root, as YAML text', async () => {
    const p = params(
      './apis/orders/openapi.yaml',
      path.join(catalogDir, 'apis.yaml'),
    );
    const text = await resolver(p);
    expect(text).toBe(
      [
        'openapi: 3.0.3',
        'paths:',
        '  /orders:',
        '    get:',
        '      responses:',
        '        "200":',
        '          description: ok',
        // Outside the catalog root: left as written, never read.
        '  /secret:',
        '    $ref: ../../../secret.yaml',
        '',
      ].join('\n'),
    );
    expect(p.read).not.toHaveBeenCalled();
    expect(jsonSchemaRefPlaceholderResolver).not.toHaveBeenCalled();
  });

  it('refuses a definition outside the catalog root', async () => {
    const p = params('../secret.yaml', path.join(catalogDir, 'apis.yaml'));
    await expect(resolver(p)).rejects.toBeInstanceOf(InputError);
    expect(p.read).not.toHaveBeenCalled();
  });

  it("leaves URL locations to the Backstage module's resolver and the catalog's reader", async () => {
    const p = params(
      './openapi.yaml',
      'https://github.com/acme/orders/blob/main/catalog-info.yaml',
    );
    await expect(resolver(p)).resolves.toBe('bundled by the module');
    expect(jsonSchemaRefPlaceholderResolver).toHaveBeenCalledWith(p);
  });
});
