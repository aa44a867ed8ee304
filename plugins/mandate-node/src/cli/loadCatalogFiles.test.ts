import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { loadCatalogFiles } from './loadCatalogFiles';

let dir: string;
const write = (file: string, text: string) => {
  fs.mkdirSync(path.dirname(path.join(dir, file)), { recursive: true });
  fs.writeFileSync(path.join(dir, file), text);
};

beforeEach(() => {
  dir = fs.mkdtempSync(path.join(os.tmpdir(), 'mandate-load-'));
});
afterEach(() => fs.rmSync(dir, { recursive: true, force: true }));

describe('loadCatalogFiles', () => {
  it('reads every entity document of every yaml/yml file below the paths, sorted', () => {
    write('b/two.yml', 'apiVersion: v1\nkind: Group\nmetadata: { name: g }\n');
    write(
      'a/one.yaml',
      [
        'apiVersion: v1\nkind: User\nmetadata: { name: u1 }',
        'not: an entity',
        'apiVersion: v1\nkind: 3\nmetadata: { name: numeric-kind }',
        'kind: User\nmetadata: { name: no-api-version }',
        'apiVersion: v1\nkind: User\nmetadata: { name: u2 }',
      ].join('\n---\n'),
    );
    write(
      'a/notes.txt',
      'apiVersion: v1\nkind: User\nmetadata: { name: ignored }\n',
    );
    write(
      'node_modules/x.yaml',
      'apiVersion: v1\nkind: User\nmetadata: { name: vendored }\n',
    );
    const { inputs } = loadCatalogFiles([dir]);
    expect(inputs.map(i => i.entity.metadata.name)).toEqual(['u1', 'u2', 'g']);
    expect(inputs[0].source).toContain(path.join('a', 'one.yaml'));
  });

  it('resolves $text, $json and $yaml relative to the file', () => {
    write('apis/def.yaml', 'openapi: 3.0.0\n');
    write('apis/meta.json', '{"a": 1}');
    write('apis/meta.yaml', 'b: [1, 2]\n');
    write(
      'apis/api.yaml',
      'apiVersion: v1\nkind: API\nmetadata: { name: a }\nspec:\n  definition: { $text: ./def.yaml }\n  json: { $json: meta.json }\n  yaml: { $yaml: ./meta.yaml }\n',
    );
    const [api] = loadCatalogFiles([dir]).inputs;
    expect(api.entity.spec).toEqual({
      definition: 'openapi: 3.0.0\n',
      json: { a: 1 },
      yaml: { b: [1, 2] },
    });
    expect(api.definitionReadError).toBeUndefined();
  });

  it('records unreadable definitions on the API and warns about other placeholders', () => {
    write(
      'api.yaml',
      'apiVersion: v1\nkind: API\nmetadata: { name: a, description: { $text: ./gone.txt } }\nspec:\n  definition: { $text: https://example.com/x.yaml }\n',
    );
    const { inputs, warnings } = loadCatalogFiles([dir]);
    expect(inputs[0].definitionReadError).toContain('never fetches URLs');
    expect(warnings).toEqual([expect.stringContaining('metadata.description')]);
  });

  it('reads relative runbooks next to the entity file, URLs never', () => {
    write('runbooks/orders.md', '# Runbook\n');
    write(
      'services/orders.yaml',
      'apiVersion: v1\nkind: Component\nmetadata:\n  name: orders\n  annotations: { mandate.dev/runbook: ../runbooks/orders.md }\n---\napiVersion: v1\nkind: Component\nmetadata:\n  name: web\n  annotations: { mandate.dev/runbook: ./missing.md }\n---\napiVersion: v1\nkind: Component\nmetadata:\n  name: api\n  annotations: { mandate.dev/runbook: "https://wiki/x" }\n',
    );
    const [orders, web, api] = loadCatalogFiles([dir]).inputs;
    expect(orders.runbook).toEqual({
      path: '../runbooks/orders.md',
      text: '# Runbook\n',
    });
    expect(web.runbook).toEqual({ path: './missing.md', error: 'ENOENT' });
    expect(api.runbook).toBeUndefined();
  });
});
