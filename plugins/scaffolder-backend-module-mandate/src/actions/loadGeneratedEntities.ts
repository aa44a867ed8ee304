import { InputError } from '@backstage/errors';
import { loadCatalogFiles, LoadedCatalog } from '@internal/plugin-mandate-node';

/**
 * The entities a template generated, read with the CLI's loader so that the scaffolder judges
 * them exactly as `yarn mandate check` will in the new repository's CI: `$text` definitions
 * resolved next to their file (never outside `directory`), relative runbooks read.
 * A YAML syntax error is the template's input problem, hence an InputError.
 */
export function loadGeneratedEntities(directory: string): LoadedCatalog {
  try {
    return loadCatalogFiles([directory]);
  } catch (error) {
    throw new InputError(
      `The generated files cannot be read: ${(error as Error).message}`,
    );
  }
}
