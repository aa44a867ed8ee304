import fs from 'node:fs/promises';
import { InputError, NotAllowedError } from '@backstage/errors';
import {
  FileLimits,
  isInsideRoots,
  loadCatalogFiles,
  LoadedCatalog,
} from '@mandate-dev/plugin-mandate-node';

/**
 * The entities a template generated, read with the CLI's loader so that the scaffolder judges
 * them exactly as `yarn mandate check` will in the new repository's CI: `$text` definitions
 * resolved next to their file, relative runbooks read. Nothing outside `target` (a folder, or
 * the folder of a file) is read: symlinks count by their target, and `target` itself must
 * really be inside `workspacePath`. Only regular files are read, none larger than `limits`:
 * the generated files are the template user's input, and must not make the backend read its host's files, hang on a FIFO or fill memory.
 * A YAML syntax error or a refused file is the template's input problem, hence an InputError.
 */
export async function loadGeneratedEntities(options: {
  workspacePath: string;
  /** The folder (or one file) holding the generated catalog files. */
  target: string;
  limits?: FileLimits;
}): Promise<LoadedCatalog> {
  const { workspacePath, target, limits } = options;
  let realTarget: string;
  try {
    realTarget = await fs.realpath(target);
  } catch {
    throw new InputError(
      'The generated files cannot be read: they do not exist',
    );
  }
  const realWorkspace = await fs.realpath(workspacePath);
  if (!isInsideRoots(realTarget, [realWorkspace])) {
    throw new NotAllowedError(
      'The generated files must be inside the task workspace',
    );
  }
  try {
    return await loadCatalogFiles([realTarget], {
      limits,
      baseDirectory: realWorkspace,
      // The generated files are judged as a whole: a bad one fails the task, not just a warning.
      onUnreadable: 'throw',
    });
  } catch (error) {
    throw new InputError(
      `The generated files cannot be read: ${(error as Error).message}`,
    );
  }
}
