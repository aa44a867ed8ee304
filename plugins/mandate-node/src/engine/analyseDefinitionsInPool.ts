import {
  ApiDefinitionAnalyzer,
  DefinitionAnalysisPool,
  DefinitionTask,
  OpenApiRuleOptions,
} from '../apis';
import { CatalogSnapshot, SnapshotEntity } from '../catalog';
import { DEFAULT_MANDATE_CONFIG, MandateConfig } from '../config';
import { ServiceGraph } from '../graph';
import {
  DEFAULT_OPENAPI_OPTIONS,
  definitionOf,
  providedApis,
} from '../rules/support';

const ANALYSED_TYPES = new Set(['openapi', 'asyncapi', 'grpc', 'graphql']);

/**
 * Analyses, in the pool's worker threads, the distinct definitions an evaluation will read and
 * the analyzer has not cached yet, and caches the results in the analyzer: the rules then only
 * read cached verdicts on the main thread. Without `entityRefs`, every API of the snapshot.
 * Returns the worker threads' ids per analysed key (for logs and tests).
 */
export async function analyseDefinitionsInPool(options: {
  snapshot: CatalogSnapshot;
  config?: MandateConfig;
  entityRefs?: Iterable<string>;
  analyzer: ApiDefinitionAnalyzer;
  pool: DefinitionAnalysisPool;
}): Promise<Map<string, number>> {
  const { analyzer, snapshot } = options;
  const config = options.config ?? DEFAULT_MANDATE_CONFIG;
  const tasks = new Map<string, DefinitionTask>();
  for (const api of apisToRead(snapshot, config, options.entityRefs)) {
    const apiType = (api.type ?? '').toLowerCase();
    if (api.definitionReadError || !ANALYSED_TYPES.has(apiType)) continue;
    const definition = definitionOf(api);
    if (definition.trim() === '') continue;
    const key = analyzer.analysisKey(apiType, definition);
    if (!tasks.has(key) && !analyzer.hasAnalysis(key)) {
      tasks.set(key, { key, apiType, definition });
    }
  }
  const threads = new Map<string, number>();
  if (tasks.size === 0) return threads;
  const analysed = await options.pool.analyse(
    [...tasks.values()],
    analyzer.limits,
    openApiRuleOptionSets(config),
  );
  for (const { key, analysis, threadId } of analysed) {
    analyzer.adoptAnalysis(key, analysis);
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

/** The options the api.* rules will ask the analyzer for under this config. */
function openApiRuleOptionSets(config: MandateConfig): OpenApiRuleOptions[] {
  const configured = (ruleId: string, name: keyof OpenApiRuleOptions) => {
    const value = config.rules[ruleId]?.options?.[name];
    return typeof value === 'string' ? value : DEFAULT_OPENAPI_OPTIONS[name];
  };
  const sets = [
    DEFAULT_OPENAPI_OPTIONS,
    {
      ...DEFAULT_OPENAPI_OPTIONS,
      errorSchema: configured('api.error-schema', 'errorSchema'),
    },
    {
      ...DEFAULT_OPENAPI_OPTIONS,
      correlationHeader: configured(
        'api.standard-headers',
        'correlationHeader',
      ),
    },
  ];
  return sets.filter(
    (set, i) =>
      sets.findIndex(
        other =>
          other.errorSchema === set.errorSchema &&
          other.correlationHeader === set.correlationHeader,
      ) === i,
  );
}
