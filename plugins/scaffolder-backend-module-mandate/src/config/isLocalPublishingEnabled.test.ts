import fs from 'node:fs';
import path from 'node:path';
import { ConfigReader } from '@backstage/config';
import { parse } from 'yaml';
import { REPO_ROOT } from '../__testUtils__';
import { isLocalPublishingEnabled } from './isLocalPublishingEnabled';

/** The repository's config files merged as the backend merges `--config a --config b`. */
function repoConfig(...files: string[]) {
  return ConfigReader.fromConfigs(
    files.map(file => ({
      context: file,
      data: parse(fs.readFileSync(path.join(REPO_ROOT, file), 'utf-8')),
    })),
  );
}

describe('isLocalPublishingEnabled', () => {
  it('is on in the demo (app-config.yaml)', () => {
    expect(isLocalPublishingEnabled(repoConfig('app-config.yaml'))).toBe(true);
  });

  it('is off in production: app-config.production.yaml unsets it on top of app-config.yaml', () => {
    expect(
      isLocalPublishingEnabled(
        repoConfig('app-config.yaml', 'app-config.production.yaml'),
      ),
    ).toBe(false);
  });

  it('is off without mandate.scaffolder.localPublishDirectory', () => {
    expect(
      isLocalPublishingEnabled(
        new ConfigReader({ mandate: { scaffolder: {} } }),
      ),
    ).toBe(false);
  });
});
