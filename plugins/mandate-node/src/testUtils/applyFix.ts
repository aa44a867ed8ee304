import { RuleFix } from '@mandate-dev/plugin-mandate-common';
import { parse, parseAllDocuments, stringify } from 'yaml';
import { SnapshotInput } from '../catalog';

type Json = Record<string, unknown>;

const isObject = (value: unknown): value is Json =>
  typeof value === 'object' && value !== null && !Array.isArray(value);

/** Deep merge as a fix snippet means it: mappings merge, lists and scalars replace. */
export function deepMerge(target: unknown, patch: unknown): unknown {
  if (!isObject(target) || !isObject(patch)) return structuredClone(patch);
  const merged: Json = { ...target };
  for (const [key, value] of Object.entries(patch))
    merged[key] = deepMerge(target[key], value);
  return merged;
}

/** The documents of a fix's snippet (a decision has one per option). */
export function snippetDocuments(fix: RuleFix): unknown[] {
  return fix.language === 'yaml'
    ? parseAllDocuments(fix.snippet).map(doc => doc.toJS())
    : [];
}

/**
 * The catalog inputs with a mechanical fix applied to its entity (default `serviceRef`): the
 * YAML snippet merged into the entity, or into its API definition (`target: definition`, the
 * definition written back as YAML text), or the Markdown appended to its runbook.
 */
export function applyFix(
  inputs: readonly SnapshotInput[],
  fix: RuleFix,
  serviceRef: string,
): SnapshotInput[] {
  const targetRef = fix.entityRef ?? serviceRef;
  let applied = false;
  const result = inputs.map(input => {
    const { kind, metadata } = input.entity;
    const ref = `${kind}:${metadata.namespace ?? 'default'}/${
      metadata.name
    }`.toLowerCase();
    if (ref !== targetRef) return input;
    applied = true;
    if (fix.language === 'markdown') {
      const runbook = input.runbook;
      if (!runbook || !('text' in runbook))
        throw new Error(`${ref} has no readable runbook to append to`);
      return {
        ...input,
        runbook: { ...runbook, text: runbook.text + fix.snippet },
      };
    }
    if (fix.target === 'definition') {
      const spec = (input.entity.spec ?? {}) as Json;
      const definition =
        typeof spec.definition === 'string'
          ? parse(spec.definition)
          : spec.definition;
      return {
        ...input,
        entity: {
          ...input.entity,
          spec: {
            ...spec,
            definition: stringify(deepMerge(definition, parse(fix.snippet))),
          },
        },
      };
    }
    return {
      ...input,
      entity: deepMerge(
        input.entity,
        parse(fix.snippet),
      ) as SnapshotInput['entity'],
    };
  });
  if (!applied)
    throw new Error(`the fix edits ${targetRef}, which is not in the catalog`);
  return result;
}
