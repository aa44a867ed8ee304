import { ApiDefinitions, definitionOf } from '../apis';
import { CatalogSnapshot, SnapshotEntity } from '../catalog';
import { DEFAULT_MANDATE_CONFIG, MandateConfig } from '../config';
import { ServiceGraph } from '../graph';
import { builtInRules } from '../rules/builtInRules';
import { providedApis } from '../rules/support';
import {
  BuiltInRuleOptions,
  DefinitionAnalysisPool,
  DefinitionTask,
} from './DefinitionAnalysisPool';

const ANALYSED_TYPES = new Set(['openapi', 'asyncapi', 'grpc', 'graphql']);

/**
 * Analyses, in the pool's worker threads, the distinct definitions an evaluation will read and
 * `definitions` has not analysed yet: spec validity, and for OpenAPI documents the verdicts of
 * `definitions.checks` (built-in rules: `builtInOpenApiChecks`). The results are adopted into
 * `definitions`, so the rules then only read memoised verdicts on the main thread. A custom
 * OpenAPI rule's check is not run in the workers (they only have the built-in rules): it runs
 * on the main thread the first time a definition meets it, parsing the document there.
 * Without `entityRefs`, every API of the snapshot. Returns the worker threads' ids per analysed
 * key (for logs and tests).
 *
 * @public
 */
export async function analyseDefinitionsInPool(options: {
  snapshot: CatalogSnapshot;
  config?: MandateConfig;
  entityRefs?: Iterable<string>;
  definitions: ApiDefinitions;
  pool: DefinitionAnalysisPool;
}): Promise<Map<string, number>> {
  const { definitions, snapshot } = options;
  const config = options.config ?? DEFAULT_MANDATE_CONFIG;
  const { checks } = definitions;
  const rules: BuiltInRuleOptions[] = checks.map(({ check, options: o }) => {
    if (!(builtInRules as readonly unknown[]).includes(check)) {
      throw new Error(
        `worker threads only run built-in rules, not ${check.id}: create the ApiDefinitions with builtInOpenApiChecks`,
      );
    }
    return { ruleId: check.id, options: o as Record<string, unknown> };
  });

  const tasks = new Map<string, DefinitionTask>();
  const keys = new Set<string>();
  for (const api of apisToRead(snapshot, config, options.entityRefs)) {
    const apiType = (api.type ?? '').toLowerCase();
    if (api.definitionReadError || !ANALYSED_TYPES.has(apiType)) continue;
    const definition = definitionOf(api);
    if (definition.trim() === '') continue;
    const key = definitions.analysisKey(apiType, definition);
    keys.add(key);
    if (
      !tasks.has(key) &&
      !definitions.isAnalysed(key, apiType === 'openapi' ? checks : [])
    ) {
      tasks.set(key, { key, apiType, definition });
    }
  }
  // Every verdict adopted here must still be cached when the rules read it.
  definitions.reserve(keys.size);
  const threads = new Map<string, number>();
  if (tasks.size === 0) return threads;
  const analysed = await options.pool.analyse(
    [...tasks.values()],
    definitions.limits,
    rules,
  );
  for (const { key, analysis, threadId } of analysed) {
    definitions.adoptAnalysis(key, analysis);
    threads.set(key, threadId);
  }
  return threads;
}

function apisToRead(
  snapshot: CatalogSnapshot,
  config: MandateConfig,
  entityRefs: Iterable<string> | undefined,
): Iterable<SnapshotEntity> {
  if (!entityRefs) return snapshot.entities.filter(e => e.kind === 'api');
  const graph = ServiceGraph.of(snapshot, config.serviceTypes);
  const apis = new Set<SnapshotEntity>();
  for (const ref of entityRefs) {
    const service = graph.has(ref.toLowerCase())
      ? snapshot.get(ref.toLowerCase())
      : undefined;
    if (service)
      for (const api of providedApis(service, snapshot)) apis.add(api);
  }
  return apis;
}
