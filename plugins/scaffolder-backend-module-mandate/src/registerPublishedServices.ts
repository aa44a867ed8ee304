import fs from 'node:fs/promises';
import path from 'node:path';
import { AuthService, LoggerService } from '@backstage/backend-plugin-api';
import { CatalogService } from '@backstage/plugin-catalog-node';

/**
 * Registers again every repository `mandate:publish:local` wrote earlier. The demo's catalog
 * lives in an in-memory SQLite database, so a backend restart forgets registered locations while
 * the folders stay on disk: without this a published service would vanish from the portal at
 * the next restart. Best effort: a folder that cannot be registered is logged and skipped.
 * Resolves to the number of locations registered.
 */
export async function registerPublishedServices(options: {
  catalog: CatalogService;
  auth: AuthService;
  logger: LoggerService;
  directory: string;
}): Promise<number> {
  const { catalog, auth, logger, directory } = options;
  let names: string[];
  try {
    names = (await fs.readdir(directory, { withFileTypes: true }))
      .filter(entry => entry.isDirectory())
      .map(entry => entry.name)
      .sort();
  } catch {
    return 0; // Nothing published yet.
  }
  const credentials = await auth.getOwnServiceCredentials();
  let registered = 0;
  for (const name of names) {
    const target = path.join(directory, name, 'catalog-info.yaml');
    try {
      await fs.access(target);
      await catalog.addLocation(
        { type: 'file', target, onConflict: 'refresh' },
        { credentials },
      );
      registered++;
    } catch (error) {
      logger.warn(`Could not register ${target}: ${(error as Error).message}`);
    }
  }
  if (registered > 0) {
    logger.info(
      `Registered ${registered} locally published service(s) from ${directory}`,
    );
  }
  return registered;
}
