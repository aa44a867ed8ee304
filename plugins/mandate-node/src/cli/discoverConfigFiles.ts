import fs from 'node:fs';
import path from 'node:path';

/** The files Backstage reads without `--config`, base first, local overrides last. */
const DEFAULT_CONFIG_FILES = ['app-config.yaml', 'app-config.local.yaml'];

/**
 * The app-config files to read when none is named: as Backstage's config loader does,
 * `app-config.yaml` and then `app-config.local.yaml` of the directory, those that exist.
 */
export function discoverConfigFiles(directory: string): string[] {
  return DEFAULT_CONFIG_FILES.map(name => path.join(directory, name)).filter(
    file => fs.existsSync(file),
  );
}
