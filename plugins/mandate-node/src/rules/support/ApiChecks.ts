import type {
  ApiDefinitionAnalyzer,
  ApiRuleId,
  DefinitionCheck,
  OpenApiRuleOptions,
} from '../../apis';

/** spec-valid takes no options; a fixed value keeps one memo shape for every check. */
const DEFAULT_OPENAPI_RULE_OPTIONS: OpenApiRuleOptions = {
  errorSchema: 'Problem',
  correlationHeader: 'X-Request-ID',
};
import { SnapshotEntity } from '../../catalog';

/** The part of the analyzer the rules use, so that tests can pass a small fake. */
export type DefinitionAnalyzer = Pick<
  ApiDefinitionAnalyzer,
  'checkSpecValid' | 'isOpenApi' | 'checkOpenApiRule'
> &
  Partial<Pick<ApiDefinitionAnalyzer, 'limitsKey'>>;

const instances = new WeakMap<DefinitionAnalyzer, ApiChecks>();

/**
 * The API-definition checks as rules need them: read errors turned into `error`, and results
 * memoised per API entity so that a warm re-evaluation does not even hash the definitions
 * again (the analyzer itself caches by content hash across entities). Verdicts do not depend
 * on which analyzer computed them, only on its limits, so the memo is shared by all instances
 * and an entry counts for analyzers with the same limits.
 */
export class ApiChecks {
  readonly #analyzer: DefinitionAnalyzer;

  /** One ApiChecks per analyzer, so its memo survives across evaluations. */
  static for(analyzer: DefinitionAnalyzer): ApiChecks {
    let checks = instances.get(analyzer);
    if (!checks) {
      checks = new ApiChecks(analyzer);
      instances.set(analyzer, checks);
    }
    return checks;
  }

  constructor(analyzer: DefinitionAnalyzer) {
    this.#analyzer = analyzer;
  }

  /** `spec.type`, the API type the analyzer dispatches on. */
  apiType(api: SnapshotEntity): string {
    return api.type ?? '';
  }

  isOpenApi(api: SnapshotEntity): boolean {
    return this.#analyzer.isOpenApi(this.apiType(api));
  }

  /** interface.spec-valid for one API: an unreadable definition is an `error`. */
  specValid(api: SnapshotEntity): DefinitionCheck {
    return this.#memo(
      api,
      'interface.spec-valid',
      DEFAULT_OPENAPI_RULE_OPTIONS,
      () => {
        if (api.definitionReadError) return unreadable(api);
        return this.#analyzer.checkSpecValid(
          this.apiType(api),
          definitionOf(api),
        );
      },
    );
  }

  /** One api.* rule on one OpenAPI definition: an unreadable definition is an `error`. */
  openApiRule(
    api: SnapshotEntity,
    ruleId: ApiRuleId,
    options: OpenApiRuleOptions,
  ): DefinitionCheck {
    return this.#memo(api, ruleId, options, () => {
      if (api.definitionReadError) return unreadable(api);
      return this.#analyzer.checkOpenApiRule(
        ruleId,
        definitionOf(api),
        options,
      );
    });
  }

  /**
   * Verdicts live on the API entity itself: it is immutable and shared by derived snapshots,
   * and (unlike a WeakMap of tens of thousands of entries) costs the garbage collector nothing.
   */
  #memo(
    api: SnapshotEntity,
    ruleId: string,
    options: OpenApiRuleOptions,
    compute: () => DefinitionCheck,
  ): DefinitionCheck {
    api.memo ??= new Map();
    const memo = api.memo as Map<
      string,
      {
        options: OpenApiRuleOptions;
        limitsKey?: string;
        result: DefinitionCheck;
      }
    >;
    const limitsKey = this.#analyzer.limitsKey;
    const cached = memo.get(ruleId);
    if (
      cached &&
      cached.options.errorSchema === options.errorSchema &&
      cached.options.correlationHeader === options.correlationHeader &&
      cached.limitsKey === limitsKey
    ) {
      return cached.result;
    }
    const result = compute();
    memo.set(ruleId, { options, limitsKey, result });
    return result;
  }
}

function unreadable(api: SnapshotEntity): DefinitionCheck {
  return {
    status: 'error',
    message: `the definition could not be read: ${api.definitionReadError}`,
    evidence: [],
  };
}

/**
 * `spec.definition` should be a string; a mapping (e.g. from a `$yaml` placeholder) is read as
 * its JSON text rather than rejected, since JSON is YAML and the analyzer parses both.
 */
export function definitionOf(api: SnapshotEntity): string {
  const definition = (api.entity.spec as Record<string, unknown> | undefined)
    ?.definition;
  if (typeof definition === 'string') return definition;
  if (definition && typeof definition === 'object')
    return JSON.stringify(definition);
  return '';
}
