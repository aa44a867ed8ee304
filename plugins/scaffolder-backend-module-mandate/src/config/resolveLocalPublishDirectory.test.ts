import path from 'node:path';
import { ConfigReader } from '@backstage/config';
import { resolveLocalPublishDirectory } from './resolveLocalPublishDirectory';

describe('resolveLocalPublishDirectory', () => {
  const catalog = {
    locations: [
      { type: 'url', target: 'https://example.com/catalog-info.yaml' },
      { type: 'file', target: '../../catalog/all.yaml' },
    ],
  };

  it('defaults to generated/ next to the first file location', () => {
    expect(resolveLocalPublishDirectory(new ConfigReader({ catalog }))).toBe(
      path.resolve('../../catalog/generated'),
    );
  });

  it('resolves a relative setting against that directory and keeps an absolute one', () => {
    const config = (dir: string) =>
      new ConfigReader({
        catalog,
        mandate: { scaffolder: { localPublishDirectory: dir } },
      });
    expect(resolveLocalPublishDirectory(config('new'))).toBe(
      path.resolve('../../catalog/new'),
    );
    expect(resolveLocalPublishDirectory(config('/srv/services'))).toBe(
      '/srv/services',
    );
  });

  it('uses the working directory without a file location', () => {
    expect(resolveLocalPublishDirectory(new ConfigReader({}))).toBe(
      path.resolve('generated'),
    );
  });
});
