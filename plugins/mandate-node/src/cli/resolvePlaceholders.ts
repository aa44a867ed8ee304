import path from 'node:path';
import { parse as parseYaml } from 'yaml';
import { bundleDefinition, readFileInsideRoots } from '../files';

/** A `$text`/`$json`/`$yaml`/`$openapi`/`$asyncapi` placeholder that could not be resolved, and where it was. */
export interface PlaceholderFailure {
  /** Keys from the entity root, e.g. `['spec', 'definition']`. */
  at: string[];
  reason: string;
  /** The target's text when it was read but does not parse as `$json`/`$yaml` says. */
  unparsedText?: string;
}

/** Placeholders whose target is bundled with the files its `$ref`s name (rulebook section 5). */
const BUNDLED = ['$openapi', '$asyncapi'];

/** Where placeholder targets may be read from, and how much of them. */
export interface PlaceholderContext {
  /** The entity's file: targets are relative to it. */
  file: string;
  /** Real paths of the directories targets must be in (after symlinks). */
  roots: string[];
  maxBytes: number;
  failures: PlaceholderFailure[];
  /** The files the resolved placeholders read, when given: where, which file, which placeholder. */
  resolved?: Array<{ at: string[]; file: string; kind: string }>;
}

const PLACEHOLDERS = new Set(['$text', '$json', '$yaml', ...BUNDLED]);

/**
 * Replaces Backstage placeholders (`{ $text: ./openapi.yaml }`) with the file they name, read
 * relative to the entity's file. URLs are never fetched, and only regular files inside `roots`
 * (symlinks resolved) up to `maxBytes` are read; a placeholder that cannot be resolved is
 * removed and reported, so that the rules can turn it into an `error` instead of the CLI
 * crashing.
 */
export async function resolvePlaceholders(
  value: unknown,
  context: PlaceholderContext,
  at: string[] = [],
): Promise<unknown> {
  if (Array.isArray(value)) {
    const items: unknown[] = [];
    for (const [i, item] of value.entries()) {
      items.push(await resolvePlaceholders(item, context, [...at, String(i)]));
    }
    return items;
  }
  if (!value || typeof value !== 'object') return value;
  const keys = Object.keys(value);
  if (keys.length === 1 && PLACEHOLDERS.has(keys[0])) {
    const target = (value as Record<string, unknown>)[keys[0]];
    try {
      const text = await readPlaceholder(keys[0], target, context);
      context.resolved?.push({
        at,
        file: path.resolve(path.dirname(context.file), String(target)),
        kind: keys[0],
      });
      return text;
    } catch (e) {
      const { message, unparsedText } = e as Error & { unparsedText?: string };
      context.failures.push({ at, reason: message, unparsedText });
      return undefined;
    }
  }
  const result: Record<string, unknown> = {};
  for (const key of keys) {
    result[key] = await resolvePlaceholders(
      (value as Record<string, unknown>)[key],
      context,
      [...at, key],
    );
  }
  return result;
}

async function readPlaceholder(
  kind: string,
  target: unknown,
  { file, roots, maxBytes }: PlaceholderContext,
) {
  if (typeof target !== 'string' || target.trim() === '') {
    throw new Error(`${kind} needs a file path`);
  }
  if (/^[a-zA-Z][a-zA-Z0-9+.-]+:/.test(target)) {
    throw new Error(`${target} is a URL; the CLI never fetches URLs`);
  }
  const targetFile = path.resolve(path.dirname(file), target);
  const text = await readFileInsideRoots(targetFile, {
    roots,
    maxBytes,
    name: target,
  });
  if (BUNDLED.includes(kind)) {
    return bundleDefinition(text, targetFile, { roots, maxBytes });
  }
  try {
    if (kind === '$json') return JSON.parse(text);
    if (kind === '$yaml') return parseYaml(text);
  } catch (e) {
    throw Object.assign(new Error(`cannot parse ${target}: ${firstLine(e)}`), {
      unparsedText: text,
    });
  }
  return text;
}

/** Parser messages of YAML quote the offending lines: the first line says enough. */
function firstLine(e: unknown) {
  return (e as Error).message.split('\n')[0];
}
