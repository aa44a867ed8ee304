import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { ConfigReader } from '@backstage/config';
import {
  createFileLocationPolicy,
  readFileLocationPolicy,
} from './FileLocationPolicy';

describe('FileLocationPolicy', () => {
  let root: string;
  let catalog: string;
  let publish: string;
  const policy = () =>
    createFileLocationPolicy({
      publishDirectory: publish,
      configuredTargets: [path.join(catalog, 'all.yaml')],
    });

  beforeEach(() => {
    root = fs.realpathSync(
      fs.mkdtempSync(path.join(os.tmpdir(), 'mandate-policy-')),
    );
    catalog = path.join(root, 'catalog');
    publish = path.join(catalog, 'generated');
    fs.mkdirSync(path.join(publish, 'svc'), { recursive: true });
    fs.writeFileSync(path.join(catalog, 'all.yaml'), '');
    fs.writeFileSync(path.join(catalog, 'org.yaml'), '');
    fs.writeFileSync(path.join(publish, 'svc', 'catalog-info.yaml'), '');
    fs.writeFileSync(path.join(publish, 'svc', 'notes.yaml'), '');
    fs.writeFileSync(path.join(root, 'secret.yaml'), '');
  });
  afterEach(() => fs.rmSync(root, { recursive: true, force: true }));

  it('lets users register only catalog-info.yaml files inside the publish directory', async () => {
    const may = (target: string) => policy().mayRegister(target);
    expect(await may(path.join(publish, 'svc', 'catalog-info.yaml'))).toBe(
      true,
    );
    // Not published yet: the catalog reports it missing, reading nothing.
    expect(await may(path.join(publish, 'new', 'catalog-info.yaml'))).toBe(
      true,
    );
    expect(await may(path.join(publish, 'svc', 'notes.yaml'))).toBe(false);
    expect(await may(path.join(publish, 'catalog-info.yaml', '..'))).toBe(
      false,
    );
    expect(await may(path.join(catalog, 'all.yaml'))).toBe(false);
    expect(await may(path.join(catalog, 'org.yaml'))).toBe(false);
    expect(await may(`${publish}/svc/../../../secret.yaml`)).toBe(false);
    expect(await may(`${publish}/*/catalog-info.yaml`)).toBe(false);
    expect(await may(`${publish}/svc/catalog-info.{yaml,json}`)).toBe(false);
    expect(await may(publish)).toBe(false);
  });

  it('follows symbolic links: a link leaving the publish directory is refused, dangling ones too', async () => {
    const outside = path.join(root, 'outside');
    fs.mkdirSync(path.join(outside, 'svc'), { recursive: true });
    fs.writeFileSync(path.join(outside, 'svc', 'catalog-info.yaml'), '');
    fs.symlinkSync(outside, path.join(publish, 'linked-folder'));
    fs.mkdirSync(path.join(publish, 'dangling'));
    fs.symlinkSync(
      path.join(root, 'not-yet'),
      path.join(publish, 'dangling', 'catalog-info.yaml'),
    );
    fs.mkdirSync(path.join(publish, 'inner'));
    fs.symlinkSync(
      path.join(publish, 'svc', 'catalog-info.yaml'),
      path.join(publish, 'inner', 'catalog-info.yaml'),
    );
    const p = policy();
    for (const target of [
      path.join(publish, 'linked-folder', 'svc', 'catalog-info.yaml'),
      path.join(publish, 'dangling', 'catalog-info.yaml'),
    ]) {
      expect(await p.mayRegister(target)).toBe(false);
      expect(await p.mayRead(target)).toBe(false);
    }
    expect(
      await p.mayRegister(path.join(publish, 'inner', 'catalog-info.yaml')),
    ).toBe(true);
  });

  it('lets the catalog read catalog.locations and their folders, and only catalog-info.yaml in the publish directory', async () => {
    const may = (target: string) => policy().mayRead(target);
    expect(await may(path.join(catalog, 'all.yaml'))).toBe(true);
    expect(await may(path.join(catalog, 'org.yaml'))).toBe(true);
    expect(await may(path.join(publish, 'svc', 'catalog-info.yaml'))).toBe(
      true,
    );
    expect(await may(path.join(publish, 'svc', 'notes.yaml'))).toBe(false);
    expect(await may(path.join(root, 'secret.yaml'))).toBe(false);
    expect(await may('/etc/passwd')).toBe(false);
    expect(await may(`${catalog}/../secret.yaml`)).toBe(false);
    expect(await may(`${catalog}/*.yaml`)).toBe(false);
  });

  it('allows a configured glob as written, and the folder before its first glob segment', async () => {
    const p = createFileLocationPolicy({
      publishDirectory: publish,
      configuredTargets: [`${catalog}/**/*.yaml`],
    });
    expect(await p.mayRead(`${catalog}/**/*.yaml`)).toBe(true);
    expect(await p.mayRead(path.join(catalog, 'org.yaml'))).toBe(true);
    expect(await p.mayRead(`${root}/**/*.yaml`)).toBe(false);
    expect(await p.mayRead(path.join(root, 'secret.yaml'))).toBe(false);
  });

  it('reads the publish directory and catalog.locations from config', async () => {
    const p = readFileLocationPolicy(
      new ConfigReader({
        catalog: {
          locations: [
            { type: 'url', target: 'https://example.com/catalog-info.yaml' },
            { type: 'file', target: path.join(catalog, 'all.yaml') },
          ],
        },
        mandate: { scaffolder: { localPublishDirectory: 'generated' } },
      }),
    );
    expect(
      await p.mayRegister(path.join(publish, 'svc', 'catalog-info.yaml')),
    ).toBe(true);
    expect(await p.mayRead(path.join(catalog, 'org.yaml'))).toBe(true);
    expect(await p.mayRead(path.join(root, 'secret.yaml'))).toBe(false);
  });
});
