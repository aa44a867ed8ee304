import YAML from 'yaml';
import { SnapshotInput } from '../src/catalog';

/**
 * The same inputs with every API definition held as YAML text instead of the generator's JSON
 * text, as real catalogs hold OpenAPI documents: benchmarks then pay for parsing YAML, which is
 * several times slower than JSON.
 */
export function toYamlDefinitions(inputs: SnapshotInput[]): SnapshotInput[] {
  return inputs.map(input => {
    const spec = input.entity.spec as Record<string, unknown> | undefined;
    if (input.entity.kind !== 'API' || typeof spec?.definition !== 'string')
      return input;
    const definition = YAML.stringify(JSON.parse(spec.definition));
    return {
      ...input,
      entity: { ...input.entity, spec: { ...spec, definition } },
    };
  });
}
