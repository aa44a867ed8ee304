import { execFileSync } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { Readable } from 'node:stream';
import { mockServices } from '@backstage/backend-test-utils';
import { Entity } from '@backstage/catalog-model';
import { catalogServiceMock } from '@backstage/plugin-catalog-node/testUtils';
import { CatalogLoader } from './CatalogLoader';

let dir: string;
let outside: string;
beforeEach(() => {
  dir = fs.mkdtempSync(path.join(os.tmpdir(), 'mandate-loader-'));
  outside = fs.mkdtempSync(path.join(os.tmpdir(), 'mandate-outside-'));
  fs.writeFileSync(path.join(outside, 'secret.md'), '# secret\n');
  fs.mkdirSync(path.join(dir, 'services'));
  fs.writeFileSync(path.join(dir, 'all.yaml'), '');
  fs.writeFileSync(path.join(dir, 'runbook.md'), '# Runbook\n');
});
afterEach(() => {
  fs.rmSync(dir, { recursive: true, force: true });
  fs.rmSync(outside, { recursive: true, force: true });
});

function component(name: string, runbook: string, location: string): Entity {
  return {
    apiVersion: 'backstage.io/v1alpha1',
    kind: 'Component',
    metadata: {
      name,
      namespace: 'default',
      annotations: {
        'mandate.dev/runbook': runbook,
        'backstage.io/managed-by-location': location,
      },
    },
    spec: { type: 'service', owner: 'team-a' },
  };
}

function loader(
  entities: Entity[],
  readUrl: jest.Mock = jest.fn(),
  limits: Record<string, number> = {},
) {
  const urlReader = mockServices.urlReader.mock({ readUrl });
  return new CatalogLoader({
    catalog: catalogServiceMock({ entities }),
    auth: mockServices.auth(),
    logger: mockServices.logger.mock(),
    urlReader,
    config: mockServices.rootConfig({
      data: {
        catalog: {
          locations: [{ type: 'file', target: path.join(dir, 'all.yaml') }],
        },
        mandate: { limits },
      },
    }),
  });
}

async function runbooks(l: CatalogLoader) {
  const inputs = await l.load();
  return Object.fromEntries(
    inputs.map(input => [input.entity.metadata.name, input.runbook]),
  );
}

describe('CatalogLoader runbooks', () => {
  const file = (name: string) => `file:${path.join(dir, 'services', name)}`;

  it('reads a file runbook only if it is a regular file inside the file locations', async () => {
    fs.symlinkSync(path.join(outside, 'secret.md'), path.join(dir, 'link.md'));
    execFileSync('mkfifo', [path.join(dir, 'fifo.md')]);
    fs.writeFileSync(path.join(dir, 'big.md'), 'x'.repeat(2048));
    const result = await runbooks(
      loader(
        [
          component('ok', '../runbook.md', file('ok.yaml')),
          component('zero', '../../../../../../../../dev/zero', file('z.yaml')),
          component('link', '../link.md', file('link.yaml')),
          component('fifo', '../fifo.md', file('fifo.yaml')),
          component('big', '../big.md', file('big.yaml')),
        ],
        jest.fn(),
        { maxRunbookBytes: 1024 },
      ),
    );
    expect(result).toEqual({
      ok: { path: '../runbook.md', text: '# Runbook\n' },
      zero: {
        path: '../../../../../../../../dev/zero',
        error: 'outside the paths given',
      },
      link: { path: '../link.md', error: 'outside the paths given' },
      fifo: { path: '../fifo.md', error: 'not a regular file' },
      big: { path: '../big.md', error: 'larger than 1 KiB' },
    });
  });

  it('stops reading a runbook URL past the limit and aborts the request', async () => {
    let produced = 0;
    let signal: AbortSignal | undefined;
    const endless = new Readable({
      read() {
        produced += 1024;
        this.push(Buffer.alloc(1024, 'x'));
      },
    });
    const readUrl = jest.fn(async (_url: string, options?: any) => {
      signal = options?.signal;
      return {
        buffer: async () => {
          throw new Error('the whole response must not be buffered');
        },
        stream: () => endless,
      };
    });
    const result = await runbooks(
      loader(
        [
          component(
            'remote',
            './runbook.md',
            'url:https://git.example.com/org/repo/blob/main/catalog-info.yaml',
          ),
        ],
        readUrl,
        { maxRunbookBytes: 4096 },
      ),
    );
    expect(readUrl).toHaveBeenCalledWith(
      'https://git.example.com/org/repo/blob/main/runbook.md',
      expect.anything(),
    );
    expect(result.remote).toEqual({
      path: './runbook.md',
      error: 'larger than 4 KiB',
    });
    expect(produced).toBeLessThan(64 * 1024);
    expect(signal?.aborted).toBe(true);
  });

  it('reads a runbook URL within the limit, from a reader with or without streams', async () => {
    const readUrl = jest
      .fn()
      .mockResolvedValueOnce({
        buffer: async () => Buffer.from('# Streamed\n'),
        stream: () => Readable.from([Buffer.from('# Streamed\n')]),
      })
      .mockResolvedValueOnce({ buffer: async () => Buffer.alloc(5000, 'x') });
    const location = 'url:https://git.example.com/org/repo/blob/main/a.yaml';
    const result = await runbooks(
      loader(
        [
          component('streamed', './runbook.md', location),
          component('buffered', './other.md', location),
        ],
        readUrl,
        { maxRunbookBytes: 4096 },
      ),
    );
    expect(result).toEqual({
      streamed: { path: './runbook.md', text: '# Streamed\n' },
      buffered: { path: './other.md', error: 'larger than 4 KiB' },
    });
  });

  it('never reads a malformed runbook value', async () => {
    const readUrl = jest.fn();
    const location = 'url:https://git.example.com/org/repo/blob/main/a.yaml';
    const result = await runbooks(
      loader(
        [
          component('newline', './run\nbook.md', location),
          component('backslash', '..\\..\\secrets.md', location),
          component('credentials', 'https://u:p@wiki.example.com/x', location),
          component('scheme', 'file:///etc/passwd', location),
        ],
        readUrl,
      ),
    );
    expect(readUrl).not.toHaveBeenCalled();
    expect(result).toEqual({
      newline: undefined,
      backslash: undefined,
      credentials: undefined,
      scheme: undefined,
    });
  });
});
