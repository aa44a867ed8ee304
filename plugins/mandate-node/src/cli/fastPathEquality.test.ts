import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { parseDefinition } from '../apis/parseDefinition';
import { writeMessyRepository } from '../testUtils/writeMessyRepository';
import { DEFAULT_FILE_LIMITS } from '../config';
import { CatalogFileThreads } from './CatalogFileThreads';
import { loadCatalogFile } from './loadCatalogFile';
import { loadCatalogFiles } from './loadCatalogFiles';

const repo = path.resolve(__dirname, '../../../..');

/** Whether the fast path may answer, and how often it did. */
const mockFastPath = { on: true, taken: 0 };
jest.mock('../apis/loadYamlFast', () => {
  const actual = jest.requireActual('../apis/loadYamlFast');
  const gated =
    (fn: (...args: any[]) => unknown) =>
    (...args: any[]) => {
      const result = mockFastPath.on ? fn(...args) : undefined;
      if (result !== undefined) mockFastPath.taken += 1;
      return result;
    };
  return {
    loadYamlFast: gated(actual.loadYamlFast),
    loadYamlDocumentFast: gated(actual.loadYamlDocumentFast),
  };
});

/** Runs `fn` with the fast YAML path switched off: everything read by the yaml package. */
async function withoutFastPath<T>(fn: () => Promise<T>): Promise<T> {
  mockFastPath.on = false;
  try {
    return await fn();
  } finally {
    mockFastPath.on = true;
  }
}

function definitionsOf(loaded: Awaited<ReturnType<typeof loadCatalogFiles>>) {
  return loaded.inputs
    .map(input => input.entity.spec?.definition)
    .filter((d): d is string => typeof d === 'string');
}

describe('the fast YAML path gives what the yaml package gives', () => {
  let dir: string;
  beforeEach(() => {
    dir = fs.mkdtempSync(path.join(os.tmpdir(), 'mandate-fast-'));
  });
  afterEach(() => fs.rmSync(dir, { recursive: true, force: true }));

  it.each([
    ['the demo catalog', () => path.join(repo, 'catalog')],
    [
      'the messy repository',
      () => {
        writeMessyRepository(dir);
        return dir;
      },
    ],
  ])(
    'on %s: the same entities, warnings and parsed definitions',
    async (_, root) => {
      const catalog = root();
      const options = { baseDirectory: catalog };
      mockFastPath.taken = 0;
      const fast = await loadCatalogFiles([catalog], options);
      expect(mockFastPath.taken).toBeGreaterThan(0);
      const slow = await withoutFastPath(() =>
        loadCatalogFiles([catalog], options),
      );
      expect(fast).toEqual(slow);
      expect(fast.inputs.length).toBeGreaterThan(0);

      // Same parsed definitions, hence the same verdicts of every definition rule.
      const definitions = definitionsOf(fast);
      mockFastPath.taken = 0;
      const fastValues = definitions.map(d => tryParse(d));
      // YAML definitions took the fast path (JSON ones take JSON.parse).
      const yamlDefinitions = definitions.filter(
        d => !d.trim().startsWith('{'),
      ).length;
      expect(mockFastPath.taken > 0).toBe(yamlDefinitions > 0);
      const slowValues = await withoutFastPath(async () =>
        definitions.map(d => tryParse(d)),
      );
      expect(fastValues).toEqual(slowValues);
    },
  );

  it('loads files in worker threads as on the main thread', async () => {
    writeMessyRepository(dir);
    const files = listYaml(dir);
    const options = {
      limits: DEFAULT_FILE_LIMITS,
      roots: [dir],
      baseDirectory: dir,
    };
    const threads = new CatalogFileThreads(2);
    try {
      const inThreads = await Promise.all(
        files.map(file => threads.load(file, options)),
      );
      const onMain = await Promise.all(
        files.map(file => loadCatalogFile(file, options)),
      );
      expect(inThreads).toEqual(onMain);
      expect(inThreads.flatMap(loaded => loaded.warnings)).toHaveLength(7);
      expect(inThreads.flatMap(loaded => loaded.inputs)).toHaveLength(4);
      // onUnreadable: 'throw' throws the same CliError from a thread.
      await expect(
        threads.load(
          path.join(dir, 'charts/orders/templates/deployment.yaml'),
          {
            ...options,
            onUnreadable: 'throw',
          },
        ),
      ).rejects.toThrow(
        /^charts\/orders\/templates\/deployment\.yaml:6: skipped a document with a YAML syntax error/,
      );
    } finally {
      await threads.close();
    }
  });
});

function tryParse(text: string): unknown {
  try {
    return { value: parseDefinition(text) };
  } catch (e) {
    return { error: String(e) };
  }
}

function listYaml(root: string): string[] {
  return fs
    .readdirSync(root, { recursive: true, withFileTypes: true })
    .filter(entry => entry.isFile() && /\.ya?ml$/.test(entry.name))
    .map(entry => path.join(entry.parentPath, entry.name))
    .sort();
}
