import { createMockDirectory } from '@backstage/backend-test-utils';
import { InputError } from '@backstage/errors';
import { PlaceholderResolverParams } from '@backstage/plugin-catalog-node';
import { execFileSync } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import { createTextPlaceholderResolver } from './createTextPlaceholderResolver';

describe('createTextPlaceholderResolver', () => {
  const mockDir = createMockDirectory();
  const catalogDir = mockDir.resolve('catalog');

  beforeEach(() => {
    mockDir.setContent({
      'catalog/apis.yaml': 'kind: API',
      'catalog/apis/orders.yaml': 'openapi: 3.0.3\n',
      'catalog/services/orders.yaml': 'kind: Component',
      'secret.txt': 'top secret',
    });
  });

  const resolver = createTextPlaceholderResolver({ roots: [catalogDir] });

  function params(
    value: PlaceholderResolverParams['value'],
    baseUrl: string,
  ): PlaceholderResolverParams {
    return {
      key: 'text',
      value,
      baseUrl,
      read: jest.fn(async () => Buffer.from('from the reader', 'utf-8')),
      resolveUrl: jest.fn((url: string, base: string) =>
        new URL(url, base).toString(),
      ),
      emit: jest.fn(),
    };
  }

  it('reads a file relative to a file location inside the catalog root', async () => {
    const p = params('./apis/orders.yaml', path.join(catalogDir, 'apis.yaml'));
    await expect(resolver(p)).resolves.toBe('openapi: 3.0.3\n');
    expect(p.read).not.toHaveBeenCalled();
    expect(p.resolveUrl).not.toHaveBeenCalled();
  });

  it('allows .. as long as the file stays inside the root', async () => {
    const p = params(
      '../apis/orders.yaml',
      path.join(catalogDir, 'services', 'orders.yaml'),
    );
    await expect(resolver(p)).resolves.toBe('openapi: 3.0.3\n');
  });

  it('refuses to read outside the catalog root', async () => {
    const base = path.join(catalogDir, 'apis.yaml');
    for (const value of ['../../etc/passwd', '../secret.txt', '/etc/passwd']) {
      const p = params(value, base);
      const error = await resolver(p).catch(e => e);
      expect(error).toBeInstanceOf(InputError);
      expect(error.message).toContain(
        `may not read ${path.resolve(catalogDir, value)}`,
      );
      expect(p.read).not.toHaveBeenCalled();
    }
  });

  it('refuses a symlink inside the root that points outside it', async () => {
    fs.symlinkSync(
      mockDir.resolve('secret.txt'),
      path.join(catalogDir, 'apis', 'link.yaml'),
    );
    const p = params('./apis/link.yaml', path.join(catalogDir, 'apis.yaml'));
    await expect(resolver(p)).rejects.toThrow(/may not read/);
  });

  it('refuses a FIFO and a file larger than maxBytes inside the root, without hanging', async () => {
    execFileSync('mkfifo', [path.join(catalogDir, 'apis', 'fifo.yaml')]);
    fs.writeFileSync(
      path.join(catalogDir, 'apis', 'big.yaml'),
      'x'.repeat(2048),
    );
    const small = createTextPlaceholderResolver({
      roots: [catalogDir],
      maxBytes: 1024,
    });
    const base = path.join(catalogDir, 'apis.yaml');
    await expect(small(params('./apis/fifo.yaml', base))).rejects.toThrow(
      /could not read .*fifo\.yaml: not a regular file$/,
    );
    await expect(small(params('./apis/big.yaml', base))).rejects.toThrow(
      /could not read .*big\.yaml: larger than 1 KiB$/,
    );
    await expect(small(params('./apis/orders.yaml', base))).resolves.toBe(
      'openapi: 3.0.3\n',
    );
  });

  it('refuses every file when no file location is configured', async () => {
    const none = createTextPlaceholderResolver({ roots: [] });
    const p = params('./apis/orders.yaml', path.join(catalogDir, 'apis.yaml'));
    await expect(none(p)).rejects.toThrow(/none configured/);
  });

  it('reports a missing file as an input error naming it', async () => {
    const p = params('./apis/missing.yaml', path.join(catalogDir, 'apis.yaml'));
    await expect(resolver(p)).rejects.toThrow(
      `Placeholder $text could not read ${path.join(
        catalogDir,
        'apis',
        'missing.yaml',
      )}`,
    );
  });

  it('delegates URL bases to resolveUrl and read, like the stock resolver', async () => {
    const p = params(
      './apis/orders.yaml',
      'https://github.com/acme/catalog/blob/main/apis.yaml',
    );
    await expect(resolver(p)).resolves.toBe('from the reader');
    expect(p.resolveUrl).toHaveBeenCalledWith(
      './apis/orders.yaml',
      'https://github.com/acme/catalog/blob/main/apis.yaml',
    );
    expect(p.read).toHaveBeenCalledWith(
      'https://github.com/acme/catalog/blob/main/apis/orders.yaml',
    );
    expect(p.emit).toHaveBeenCalledWith({
      type: 'refresh',
      key: 'url:https://github.com/acme/catalog/blob/main/apis/orders.yaml',
    });
  });

  it('delegates absolute URL values even from a file location', async () => {
    const p = params(
      'https://example.com/spec.yaml',
      path.join(catalogDir, 'apis.yaml'),
    );
    await expect(resolver(p)).resolves.toBe('from the reader');
    expect(p.read).toHaveBeenCalledWith('https://example.com/spec.yaml');
  });

  it('wraps reader failures in an input error', async () => {
    const p = params('./x.yaml', 'https://example.com/catalog/apis.yaml');
    (p.read as jest.Mock).mockRejectedValue(new Error('404'));
    await expect(resolver(p)).rejects.toThrow(
      'Placeholder $text could not read location ./x.yaml',
    );
  });

  it('rejects a value that is not a string', async () => {
    const p = params({ path: './x' }, path.join(catalogDir, 'apis.yaml'));
    await expect(resolver(p)).rejects.toThrow(InputError);
    await expect(resolver(p)).rejects.toThrow(/expected a string value/);
  });
});
