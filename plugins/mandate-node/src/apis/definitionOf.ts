import type { SnapshotEntity } from '../catalog';

/**
 * `spec.definition` should be a string; a mapping (e.g. from a `$yaml` placeholder) is read as
 * its JSON text rather than rejected, since JSON is YAML and the parser reads both.
 *
 * @public
 */
export function definitionOf(api: SnapshotEntity): string {
  const definition = (api.entity.spec as Record<string, unknown> | undefined)
    ?.definition;
  if (typeof definition === 'string') return definition;
  if (definition && typeof definition === 'object')
    return JSON.stringify(definition);
  return '';
}
