import { execFileSync } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { writeMessyRepository } from '../testUtils/writeMessyRepository';
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
  it('reads every entity document of every yaml/yml file below the paths, sorted', async () => {
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
    const { inputs } = await loadCatalogFiles([dir]);
    expect(inputs.map(i => i.entity.metadata.name)).toEqual(['u1', 'u2', 'g']);
    expect(inputs[0].source).toContain(path.join('a', 'one.yaml'));
  });

  it('resolves $text, $json and $yaml relative to the file', async () => {
    write('apis/def.yaml', 'openapi: 3.0.0\n');
    write('apis/meta.json', '{"a": 1}');
    write('apis/meta.yaml', 'b: [1, 2]\n');
    write(
      'apis/api.yaml',
      'apiVersion: v1\nkind: API\nmetadata: { name: a }\nspec:\n  definition: { $text: ./def.yaml }\n  json: { $json: meta.json }\n  yaml: { $yaml: ./meta.yaml }\n',
    );
    const [api] = (await loadCatalogFiles([dir])).inputs;
    expect(api.entity.spec).toEqual({
      definition: 'openapi: 3.0.0\n',
      json: { a: 1 },
      yaml: { b: [1, 2] },
    });
    expect(api.definitionReadError).toBeUndefined();
  });

  it('records unreadable definitions on the API and warns about other placeholders', async () => {
    write(
      'api.yaml',
      'apiVersion: v1\nkind: API\nmetadata: { name: a, description: { $text: ./gone.txt } }\nspec:\n  definition: { $text: https://example.com/x.yaml }\n',
    );
    const { inputs, warnings } = await loadCatalogFiles([dir]);
    expect(inputs[0].definitionReadError).toContain('never fetches URLs');
    expect(warnings).toEqual([expect.stringContaining('metadata.description')]);
  });

  it('reads relative runbooks next to the entity file, URLs never', async () => {
    write('runbooks/orders.md', '# Runbook\n');
    write(
      'services/orders.yaml',
      'apiVersion: v1\nkind: Component\nmetadata:\n  name: orders\n  annotations: { mandate.dev/runbook: ../runbooks/orders.md }\n---\napiVersion: v1\nkind: Component\nmetadata:\n  name: web\n  annotations: { mandate.dev/runbook: ./missing.md }\n---\napiVersion: v1\nkind: Component\nmetadata:\n  name: api\n  annotations: { mandate.dev/runbook: "https://wiki/x" }\n',
    );
    const [orders, web, api] = (await loadCatalogFiles([dir])).inputs;
    expect(orders.runbook).toEqual({
      path: '../runbooks/orders.md',
      text: '# Runbook\n',
    });
    expect(web.runbook).toEqual({ path: './missing.md', error: 'ENOENT' });
    expect(api.runbook).toBeUndefined();
  });
});

describe('loadCatalogFiles never reads outside the paths given', () => {
  const SECRET = 'secret-outside-the-roots';
  let outside: string;
  beforeEach(() => {
    outside = fs.mkdtempSync(path.join(os.tmpdir(), 'mandate-outside-'));
    fs.writeFileSync(path.join(outside, 'secret.yaml'), `${SECRET}: 1\n`);
    fs.writeFileSync(
      path.join(outside, 'entity.yaml'),
      `apiVersion: v1\nkind: User\nmetadata: { name: ${SECRET} }\n`,
    );
  });
  afterEach(() => fs.rmSync(outside, { recursive: true, force: true }));

  const component = (runbook: string) =>
    `apiVersion: v1\nkind: Component\nmetadata:\n  name: orders\n  annotations: { mandate.dev/runbook: "${runbook}" }\n`;

  it('refuses a runbook outside the roots, through .. or a symlink, and a device', async () => {
    fs.symlinkSync(
      path.join(outside, 'secret.yaml'),
      path.join(dir, 'link.md'),
    );
    write('a/one.yaml', component('../../../../../../../../dev/zero'));
    write('b/two.yaml', component('../link.md'));
    const [one, two] = (
      await loadCatalogFiles([path.join(dir, 'a'), path.join(dir, 'b')])
    ).inputs;
    expect(one.runbook).toEqual({
      path: '../../../../../../../../dev/zero',
      error: 'outside the paths given',
    });
    expect(two.runbook).toEqual({
      path: '../link.md',
      error: 'outside the paths given',
    });

    // A symlink counts by its target.
    fs.symlinkSync('/dev/zero', path.join(dir, 'zero.md'));
    write('c.yaml', component('./zero.md'));
    const loaded = await loadCatalogFiles([dir]);
    const c = loaded.inputs.find(i => i.source?.endsWith('c.yaml'));
    expect(c?.runbook).toEqual({
      path: './zero.md',
      error: 'outside the paths given',
    });
    expect(JSON.stringify(loaded)).not.toContain(SECRET);
  });

  it('refuses a FIFO as runbook, placeholder target or catalog file without hanging', async () => {
    execFileSync('mkfifo', [path.join(dir, 'fifo.md')]);
    execFileSync('mkfifo', [path.join(dir, 'fifo.yaml')]);
    write(
      'api.yaml',
      'apiVersion: v1\nkind: API\nmetadata: { name: a }\nspec:\n  definition: { $text: ./fifo.md }\n',
    );
    write('orders.yaml', component('./fifo.md'));
    const { inputs, warnings } = await loadCatalogFiles([dir]);
    const [api, orders] = inputs;
    expect(api.definitionReadError).toBe('./fifo.md is not a regular file');
    expect(orders.runbook).toEqual({
      path: './fifo.md',
      error: 'not a regular file',
    });
    expect(warnings).toEqual([
      expect.stringMatching(/fifo\.yaml: skipped, not a regular file$/),
    ]);

    // Named on the command line, it exists: skipped with a warning too (rulebook 5, v1.1).
    expect(
      (await loadCatalogFiles([path.join(dir, 'fifo.yaml')])).warnings,
    ).toEqual([
      expect.stringMatching(/fifo\.yaml: skipped, not a regular file$/),
    ]);
  });

  it.each(['$text', '$json', '$yaml'])(
    'refuses a %s target that is a symlink leading outside the roots',
    async placeholder => {
      fs.symlinkSync(
        path.join(outside, 'secret.yaml'),
        path.join(dir, 'def.txt'),
      );
      write(
        'api.yaml',
        `apiVersion: v1\nkind: API\nmetadata: { name: a }\nspec:\n  definition: { ${placeholder}: ./def.txt }\n  other: { ${placeholder}: ./def.txt }\n`,
      );
      const loaded = await loadCatalogFiles([dir]);
      expect(loaded.inputs[0].definitionReadError).toBe(
        './def.txt is outside the paths given',
      );
      expect(loaded.warnings).toEqual([
        expect.stringContaining(
          'spec.other: ./def.txt is outside the paths given',
        ),
      ]);
      expect(JSON.stringify(loaded)).not.toContain(SECRET);
    },
  );

  it('does not follow directory symlinks out of the roots, nor around a loop', async () => {
    write('services/orders.yaml', component('./runbook.md'));
    fs.symlinkSync(outside, path.join(dir, 'services', 'elsewhere'));
    fs.symlinkSync(dir, path.join(dir, 'services', 'loop'));
    fs.symlinkSync(
      path.join(outside, 'entity.yaml'),
      path.join(dir, 'linked.yaml'),
    );
    const loaded = await loadCatalogFiles([dir]);
    expect(loaded.inputs.map(i => i.entity.metadata.name)).toEqual(['orders']);
    expect(loaded.warnings).toEqual([
      expect.stringMatching(
        /linked\.yaml: skipped, a symlink leading outside the paths given$/,
      ),
      expect.stringMatching(
        /elsewhere: skipped, a symlink leading outside the paths given$/,
      ),
    ]);
    expect(JSON.stringify(loaded)).not.toContain(SECRET);
  });

  it('refuses files larger than the limits, naming the file and the limit', async () => {
    const limits = { maxFileBytes: 1024, maxRunbookBytes: 100 };
    write('runbook.md', `# Runbook\n${'x'.repeat(100)}\n`);
    write('def.txt', `openapi: 3.0.0\n# ${'x'.repeat(1024)}\n`);
    write(
      'api.yaml',
      `${component(
        './runbook.md',
      )}---\napiVersion: v1\nkind: API\nmetadata: { name: a }\nspec:\n  definition: { $text: ./def.txt }\n`,
    );
    const [orders, api] = (await loadCatalogFiles([dir], { limits })).inputs;
    expect(orders.runbook).toEqual({
      path: './runbook.md',
      error: 'larger than 100 bytes',
    });
    expect(api.definitionReadError).toBe('./def.txt is larger than 1 KiB');

    write('big.yaml', `# ${'x'.repeat(1024)}\n`);
    // An oversize catalog file is skipped with a warning (rulebook 5, v1.1).
    const loaded = await loadCatalogFiles([dir], { limits });
    expect(loaded.inputs.map(i => i.entity.metadata.name)).toEqual([
      'orders',
      'a',
    ]);
    expect(loaded.warnings).toEqual([
      expect.stringMatching(/big\.yaml: skipped, larger than 1 KiB$/),
    ]);
  });
});

describe('loadCatalogFiles on a real repository (rulebook 5, v1.1)', () => {
  it('skips each bad document with one warning naming file and line, and reads the rest', async () => {
    const expected = writeMessyRepository(dir);
    write(
      'catalog/org.yaml',
      'apiVersion: backstage.io/v1alpha1\nkind: Group\nmetadata: { name: team-a }\nspec: { type: team }\n',
    );
    const { inputs, warnings } = await loadCatalogFiles([dir], {
      baseDirectory: dir,
    });
    expect(warnings).toEqual(expected.map(e => expect.stringMatching(e)));
    expect(
      inputs.map(i => `${i.entity.kind}:${i.entity.metadata.name}`),
    ).toEqual([
      'Group:team-a',
      'Namespace:shop',
      'Deployment:orders',
      'ConfigMap:orders',
      'User:kept',
    ]);
  });

  it('keeps the good documents of a file with a bad one, before and after it', async () => {
    const user = (name: string) =>
      `apiVersion: v1\nkind: User\nmetadata: { name: ${name} }\n`;
    write('users.yaml', [user('u1'), 'a: 1\na: 2\n', user('u2')].join('---\n'));
    const { inputs, warnings } = await loadCatalogFiles([dir], {
      baseDirectory: dir,
    });
    expect(inputs.map(i => i.entity.metadata.name)).toEqual(['u1', 'u2']);
    expect(warnings).toEqual([
      'users.yaml:6: skipped a document with a YAML syntax error: Map keys must be unique',
    ]);
  });

  it("counts aliases as the yaml package does, with Backstage's limit of 100", async () => {
    const entity = (uses: number) =>
      `apiVersion: v1\nkind: User\nmetadata: { name: u${uses} }\nspec:\n  x: &x 1\n  uses: [${Array(
        uses,
      )
        .fill('*x')
        .join(', ')}]\n`;
    write('a.yaml', entity(99));
    write('b.yaml', entity(101));
    const { inputs, warnings } = await loadCatalogFiles([dir], {
      baseDirectory: dir,
    });
    expect(inputs.map(i => i.entity.metadata.name)).toEqual(['u99']);
    expect(warnings).toEqual([
      'b.yaml:1: skipped a document with more aliases than the catalog allows (100)',
    ]);
  });

  it('throws on the first bad file or document with onUnreadable: throw', async () => {
    write('a.yaml', 'a: [unclosed\n');
    await expect(
      loadCatalogFiles([dir], { baseDirectory: dir, onUnreadable: 'throw' }),
    ).rejects.toThrow(
      /^a\.yaml:2: skipped a document with a YAML syntax error/,
    );
  });

  it('skips a directory that cannot be listed with a warning', async () => {
    write(
      'locked/a.yaml',
      'apiVersion: v1\nkind: User\nmetadata: { name: hidden }\n',
    );
    write(
      'open/b.yaml',
      'apiVersion: v1\nkind: User\nmetadata: { name: seen }\n',
    );
    // Tests run as root here, where chmod 000 does not stop readdir: simulate EACCES.
    const readdir = fs.promises.readdir;
    const spy = jest.spyOn(fs.promises, 'readdir').mockImplementation((async (
      target: string,
      ...rest: any[]
    ) => {
      if (path.basename(target) === 'locked') {
        throw Object.assign(new Error('denied'), { code: 'EACCES' });
      }
      return (readdir as any)(target, ...rest);
    }) as any);
    try {
      const { inputs, warnings } = await loadCatalogFiles([dir], {
        baseDirectory: dir,
      });
      expect(inputs.map(i => i.entity.metadata.name)).toEqual(['seen']);
      expect(warnings).toEqual(['locked: skipped, EACCES']);
    } finally {
      spy.mockRestore();
    }
  });

  it('throws CliError only for a given path that does not exist', async () => {
    await expect(loadCatalogFiles([path.join(dir, 'missing')])).rejects.toThrow(
      /cannot read .*missing: ENOENT/,
    );
  });
});

describe('loadCatalogFiles with $json and $yaml definitions that do not parse', () => {
  it.each([
    ['$yaml', 'openapi: 3.0.0\ninfo: [unclosed\n'],
    ['$json', '{"openapi": "3.0.0",'],
  ])(
    'keeps the readable %s text as the definition, for the rules to judge',
    async (placeholder, text) => {
      write('def.txt', text);
      write(
        'api.yaml',
        `apiVersion: v1\nkind: API\nmetadata: { name: a }\nspec:\n  definition: { ${placeholder}: ./def.txt }\n`,
      );
      const { inputs, warnings } = await loadCatalogFiles([dir]);
      expect(inputs[0].definitionReadError).toBeUndefined();
      expect(inputs[0].entity.spec?.definition).toBe(text);
      expect(warnings).toEqual([]);
    },
  );
});
