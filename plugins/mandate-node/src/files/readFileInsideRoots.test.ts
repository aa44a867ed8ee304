import { execFileSync } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { FileReadError } from './FileReadError';
import {
  readFileInsideRoots,
  readFilesBlockingInThisThread,
} from './readFileInsideRoots';

let root: string;
let outside: string;
beforeEach(() => {
  root = fs.mkdtempSync(path.join(os.tmpdir(), 'mandate-root-'));
  outside = fs.mkdtempSync(path.join(os.tmpdir(), 'mandate-outside-'));
  fs.writeFileSync(path.join(outside, 'secret.txt'), 'the secret');
  fs.mkdirSync(path.join(root, 'docs'));
  fs.writeFileSync(path.join(root, 'docs', 'runbook.md'), '# Runbook\n');
});
afterEach(() => {
  fs.rmSync(root, { recursive: true, force: true });
  fs.rmSync(outside, { recursive: true, force: true });
});

const read = (file: string, maxBytes = 1024, name?: string) =>
  readFileInsideRoots(path.join(root, file), { roots: [root], maxBytes, name });

async function refusal(promise: Promise<unknown>): Promise<FileReadError> {
  const error = await promise.then(
    () => undefined,
    e => e,
  );
  expect(error).toBeInstanceOf(FileReadError);
  return error;
}

// The same checks whichever way the calls are made (catalog threads block, see CatalogFileThreads).
describe.each([
  ['asynchronous calls', false],
  ['blocking calls', true],
])('readFileInsideRoots with %s', (_, blocking) => {
  beforeAll(() => readFilesBlockingInThisThread(blocking));
  afterAll(() => readFilesBlockingInThisThread(false));

  it('reads a regular file inside the roots, also through a symlink that stays inside', async () => {
    await expect(read('docs/runbook.md')).resolves.toBe('# Runbook\n');
    fs.symlinkSync(path.join(root, 'docs'), path.join(root, 'linked'));
    await expect(read('linked/runbook.md')).resolves.toBe('# Runbook\n');
  });

  it('refuses a path outside the roots, and a symlink (file or directory) leading outside', async () => {
    fs.symlinkSync(
      path.join(outside, 'secret.txt'),
      path.join(root, 'file-link'),
    );
    fs.symlinkSync(outside, path.join(root, 'dir-link'));
    for (const file of [
      '../../../../../../dev/zero',
      'file-link',
      'dir-link/secret.txt',
    ]) {
      const error = await refusal(read(file, 1024, file));
      expect(error.message).toBe(`${file} is outside the paths given`);
      expect(error.reason).toBe('outside the paths given');
    }
  });

  it('refuses a FIFO and a directory without opening them', async () => {
    execFileSync('mkfifo', [path.join(root, 'fifo')]);
    const openAsync = jest.spyOn(fs.promises, 'open');
    const openBlocking = jest.spyOn(fs, 'openSync');
    expect((await refusal(read('fifo'))).message).toBe(
      'fifo is not a regular file',
    );
    expect((await refusal(read('docs'))).message).toBe(
      'docs is not a regular file',
    );
    expect(openAsync).not.toHaveBeenCalled();
    expect(openBlocking).not.toHaveBeenCalled();
    await read('docs/runbook.md');
    expect((blocking ? openBlocking : openAsync).mock.calls).toHaveLength(1);
    expect((blocking ? openAsync : openBlocking).mock.calls).toHaveLength(0);
    openAsync.mockRestore();
    openBlocking.mockRestore();
  });

  it('refuses a file larger than maxBytes, naming the limit', async () => {
    fs.writeFileSync(path.join(root, 'docs', 'big.md'), 'x'.repeat(1025));
    fs.writeFileSync(path.join(root, 'docs', 'exact.md'), 'x'.repeat(1024));
    expect((await refusal(read('docs/big.md'))).message).toBe(
      `${path.join('docs', 'big.md')} is larger than 1 KiB`,
    );
    await expect(read('docs/exact.md')).resolves.toHaveLength(1024);
  });

  it('names a missing file by its errno code, never by its absolute path', async () => {
    const error = await refusal(read('docs/missing.md'));
    expect(error.reason).toBe('ENOENT');
    expect(error.message).toBe(
      `cannot read ${path.join('docs', 'missing.md')}: ENOENT`,
    );
    expect(error.message).not.toContain(root);
  });

  it('refuses a symlink loop', async () => {
    fs.symlinkSync(path.join(root, 'b'), path.join(root, 'a'));
    fs.symlinkSync(path.join(root, 'a'), path.join(root, 'b'));
    expect((await refusal(read('a'))).reason).toBe('ELOOP');
  });
});
