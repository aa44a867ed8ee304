import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { parse as parseYaml } from 'yaml';
import { bundleDefinition } from './bundleDefinition';

let root: string;
let outside: string;
beforeEach(() => {
  root = fs.realpathSync(
    fs.mkdtempSync(path.join(os.tmpdir(), 'mandate-bundle-')),
  );
  outside = fs.realpathSync(
    fs.mkdtempSync(path.join(os.tmpdir(), 'mandate-outside-')),
  );
});
afterEach(() => {
  fs.rmSync(root, { recursive: true, force: true });
  fs.rmSync(outside, { recursive: true, force: true });
});

function write(dir: string, file: string, text: string) {
  fs.mkdirSync(path.dirname(path.join(dir, file)), { recursive: true });
  fs.writeFileSync(path.join(dir, file), text);
}

async function bundle(text: string, maxBytes = 4096) {
  write(root, 'api/openapi.yaml', text);
  const out = await bundleDefinition(
    text,
    path.join(root, 'api/openapi.yaml'),
    {
      roots: [root],
      maxBytes,
    },
  );
  return parseYaml(out);
}

const ORDER = 'type: object\nproperties:\n  id: {type: string}\n';

describe('bundleDefinition', () => {
  it('inlines relative file $refs, with and without a pointer, through nested directories', async () => {
    write(
      root,
      'api/paths/orders.yaml',
      'get:\n  responses:\n    "200":\n      $ref: ../components/responses.yaml#/Ok\n',
    );
    write(
      root,
      'api/components/responses.yaml',
      'Ok:\n  description: ok\n  content:\n    application/json:\n      schema:\n        $ref: ./schemas/order.yaml\n',
    );
    write(root, 'api/components/schemas/order.yaml', ORDER);

    const bundled = await bundle(
      'openapi: 3.0.3\npaths:\n  /orders:\n    $ref: ./paths/orders.yaml\n',
    );

    expect(bundled.paths['/orders'].get.responses['200']).toEqual({
      description: 'ok',
      content: { 'application/json': { schema: parseYaml(ORDER) } },
    });
  });

  it('refers to a file bundled once already with a local $ref, as the Backstage module does', async () => {
    write(root, 'api/schemas/order.yaml', ORDER);
    const bundled = await bundle(
      'openapi: 3.0.3\ncomponents:\n  schemas:\n    Order: {$ref: ./schemas/order.yaml}\n    Copy: {$ref: ./schemas/order.yaml}\n',
    );
    // The library inlines the file at one of its $refs (here the first in key order).
    expect(bundled.components.schemas.Copy).toEqual(parseYaml(ORDER));
    expect(bundled.components.schemas.Order).toEqual({
      $ref: '#/components/schemas/Copy',
    });
  });

  it.each([
    ['a missing file', './missing.yaml'],
    ['a file outside the roots', '../../OUTSIDE/secret.yaml'],
    ['a symlink leading outside the roots', './link.yaml'],
    ['a URL', 'https://example.com/secret.yaml'],
    ['a file URL outside the roots', 'file:///etc/passwd'],
    ['a file larger than the limit', './big.yaml'],
  ])('leaves a $ref to %s as written, and bundles the rest', async (_, ref) => {
    write(outside, 'secret.yaml', 'secret: true\n');
    write(root, 'api/big.yaml', `x: "${'a'.repeat(5000)}"\n`);
    write(root, 'api/order.yaml', ORDER);
    fs.symlinkSync(
      path.join(outside, 'secret.yaml'),
      path.join(root, 'api/link.yaml'),
    );
    const target = ref.replace('OUTSIDE', path.basename(outside));
    const readSpy = jest.spyOn(fs.promises, 'open');

    const bundled = await bundle(
      `openapi: 3.0.3\ncomponents:\n  schemas:\n    Bad: {$ref: "${target}"}\n    Pointer: {$ref: "${target}#/secret"}\n    Order: {$ref: ./order.yaml}\n`,
    );

    expect(bundled.components.schemas).toEqual({
      Bad: { $ref: target },
      Pointer: { $ref: `${target}#/secret` },
      Order: parseYaml(ORDER),
    });
    const opened = readSpy.mock.calls.map(([file]) => String(file));
    expect(opened.some(file => file.startsWith(outside))).toBe(false);
    expect(opened.some(file => file.endsWith('big.yaml'))).toBe(false);
    readSpy.mockRestore();
  });

  it('returns text that is not a YAML object unchanged', async () => {
    const text = 'openapi: [unclosed\n';
    await expect(
      bundleDefinition(text, path.join(root, 'x.yaml'), {
        roots: [root],
        maxBytes: 100,
      }),
    ).resolves.toBe(text);
  });
});
