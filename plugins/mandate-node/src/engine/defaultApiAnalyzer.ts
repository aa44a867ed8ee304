import {
  ApiDefinitionAnalyzer,
  DEFAULT_DEFINITION_LIMITS,
  DefinitionLimits,
} from '../apis';
import { limitsKeyOf } from '../apis/DefinitionLimits';

const instances = new Map<string, ApiDefinitionAnalyzer>();

/**
 * One analyzer for the whole process per set of limits (in practice one): it caches each parsed
 * definition by content hash, so later evaluations (warm runs, incremental updates) reuse the
 * analysis.
 */
export function defaultApiAnalyzer(
  limits: DefinitionLimits = DEFAULT_DEFINITION_LIMITS,
): ApiDefinitionAnalyzer {
  const key = limitsKeyOf(limits);
  let instance = instances.get(key);
  if (!instance) {
    instance = new ApiDefinitionAnalyzer({ limits });
    instances.set(key, instance);
  }
  return instance;
}
