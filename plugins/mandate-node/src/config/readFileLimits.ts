import { Config } from '@backstage/config';
import { InputError } from '@backstage/errors';

/** How large a file Mandate reads from a catalog, from `mandate.limits`. @public */
export interface FileLimits {
  /** Catalog YAML files and `$text`/`$json`/`$yaml` targets (API definitions). */
  maxFileBytes: number;
  /** Runbooks named by `mandate.dev/runbook`. */
  maxRunbookBytes: number;
}

/** @public */
export const DEFAULT_FILE_LIMITS: FileLimits = {
  maxFileBytes: 16 * 1024 * 1024,
  maxRunbookBytes: 1024 * 1024,
};

/**
 * Reads `mandate.limits.maxFileBytes` and `mandate.limits.maxRunbookBytes` (positive integers,
 * in bytes). Throws InputError naming the key.
 *
 * @public
 */
export function readFileLimits(config: Config): FileLimits {
  const read = (name: keyof FileLimits) => {
    const key = `mandate.limits.${name}`;
    let value: number | undefined;
    try {
      value = config.getOptionalNumber(key);
    } catch (e) {
      throw new InputError((e as Error).message);
    }
    if (value === undefined) return DEFAULT_FILE_LIMITS[name];
    if (!Number.isSafeInteger(value) || value <= 0) {
      throw new InputError(
        `Invalid config at '${key}': expected a positive number of bytes, got ${value}`,
      );
    }
    return value;
  };
  return {
    maxFileBytes: read('maxFileBytes'),
    maxRunbookBytes: read('maxRunbookBytes'),
  };
}
