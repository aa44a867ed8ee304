import { Config } from '@backstage/config';

/**
 * Whether `mandate:publish:local` is switched on: `mandate.scaffolder.localPublishDirectory` is
 * set. A later config file unsets it with `localPublishDirectory: null` (Backstage config
 * merging), which is how app-config.production.yaml keeps it off in production.
 *
 * @public
 */
export function isLocalPublishingEnabled(config: Config): boolean {
  return config.has('mandate.scaffolder.localPublishDirectory');
}
