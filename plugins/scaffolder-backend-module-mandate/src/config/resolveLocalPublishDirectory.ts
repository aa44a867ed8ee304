import { Config } from '@backstage/config';
import path from 'node:path';

/** The default folder, relative to the demo catalog's directory; .gitignore lists it. @public */
export const DEFAULT_LOCAL_PUBLISH_DIRECTORY = 'generated';

/**
 * The absolute folder `mandate:publish:local` writes into. A relative setting resolves against
 * the directory of the first `file` entry of `catalog.locations`, resolved against the working
 * directory as the catalog itself does: so `generated` lands next to the demo catalog whether
 * the backend runs from the repository root or from packages/backend, and inside the only
 * directories the Mandate loaders read runbooks and `$text` definitions from.
 *
 * @public
 */
export function resolveLocalPublishDirectory(config: Config): string {
  const configured =
    config.getOptionalString('mandate.scaffolder.localPublishDirectory') ??
    DEFAULT_LOCAL_PUBLISH_DIRECTORY;
  if (path.isAbsolute(configured)) return path.normalize(configured);
  const firstFileLocation = (
    config.getOptionalConfigArray('catalog.locations') ?? []
  ).find(location => location.getOptionalString('type') === 'file');
  const base = firstFileLocation
    ? path.dirname(path.resolve(firstFileLocation.getString('target')))
    : process.cwd();
  return path.resolve(base, configured);
}
