import { ApiDefinitionAnalyzer } from '../apis';

let instance: ApiDefinitionAnalyzer | undefined;

/**
 * One analyzer for the whole process: it caches each parsed definition by content hash, so
 * later evaluations (warm runs, incremental updates) reuse the analysis.
 */
export function defaultApiAnalyzer(): ApiDefinitionAnalyzer {
  instance ??= new ApiDefinitionAnalyzer();
  return instance;
}
