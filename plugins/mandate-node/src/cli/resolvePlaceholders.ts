import fs from 'node:fs';
import path from 'node:path';
import { parse as parseYaml } from 'yaml';

/** A `$text`/`$json`/`$yaml` placeholder that could not be resolved, and where it was. */
export interface PlaceholderFailure {
  /** Keys from the entity root, e.g. `['spec', 'definition']`. */
  at: string[];
  reason: string;
}

const PLACEHOLDERS = new Set(['$text', '$json', '$yaml']);

/**
 * Replaces Backstage placeholders (`{ $text: ./openapi.yaml }`) with the file they name, read
 * relative to the entity's file. URLs are never fetched and paths may not leave `roots`;
 * a placeholder that cannot be resolved is removed and reported, so that the rules can turn it
 * into an `error` instead of the CLI crashing.
 */
export function resolvePlaceholders(
  value: unknown,
  file: string,
  roots: string[],
  failures: PlaceholderFailure[],
  at: string[] = [],
): unknown {
  if (Array.isArray(value)) {
    return value.map((item, i) =>
      resolvePlaceholders(item, file, roots, failures, [...at, String(i)]),
    );
  }
  if (!value || typeof value !== 'object') return value;
  const keys = Object.keys(value);
  if (keys.length === 1 && PLACEHOLDERS.has(keys[0])) {
    const target = (value as Record<string, unknown>)[keys[0]];
    try {
      return readPlaceholder(keys[0], target, file, roots);
    } catch (e) {
      failures.push({ at, reason: (e as Error).message });
      return undefined;
    }
  }
  const result: Record<string, unknown> = {};
  for (const key of keys) {
    result[key] = resolvePlaceholders(
      (value as Record<string, unknown>)[key],
      file,
      roots,
      failures,
      [...at, key],
    );
  }
  return result;
}

function readPlaceholder(
  kind: string,
  target: unknown,
  file: string,
  roots: string[],
) {
  if (typeof target !== 'string' || target.trim() === '') {
    throw new Error(`${kind} needs a file path`);
  }
  if (/^[a-zA-Z][a-zA-Z0-9+.-]+:/.test(target)) {
    throw new Error(`${target} is a URL; the CLI never fetches URLs`);
  }
  const resolved = path.resolve(path.dirname(file), target);
  if (!roots.some(root => isInside(resolved, root))) {
    throw new Error(`${target} is outside the paths given to the CLI`);
  }
  let text: string;
  try {
    text = fs.readFileSync(resolved, 'utf8');
  } catch (e) {
    throw new Error(
      `cannot read ${target}: ${(e as NodeJS.ErrnoException).code ?? e}`,
    );
  }
  try {
    if (kind === '$json') return JSON.parse(text);
    if (kind === '$yaml') return parseYaml(text);
  } catch (e) {
    throw new Error(`cannot parse ${target}: ${(e as Error).message}`);
  }
  return text;
}

function isInside(target: string, root: string): boolean {
  const relative = path.relative(root, target);
  return (
    relative === '' ||
    (!relative.startsWith('..') && !path.isAbsolute(relative))
  );
}
