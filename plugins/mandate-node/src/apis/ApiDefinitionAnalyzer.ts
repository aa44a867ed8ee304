import { createHash, hash } from 'crypto';
import { DefinitionCheck } from './DefinitionCheck';
import {
  DEFAULT_DEFINITION_LIMITS,
  DefinitionLimitError,
  DefinitionLimits,
  limitsKeyOf,
} from './DefinitionLimits';
import { LruCache } from './LruCache';
import { OpenApiDocument } from './OpenApiDocument';
import {
  API_RULE_IDS,
  ApiRuleId,
  DEFAULT_OPENAPI_RULE_OPTIONS,
  openApiRuleChecks,
  OpenApiRuleOptions,
} from './openApiRules';
import { SchemaProperties } from './SchemaProperties';
import {
  asyncApiValidity,
  graphqlValidity,
  openApiValidity,
  protobufValidity,
} from './specValidity';
import { WorkBudget } from './WorkBudget';

/**
 * What is remembered about one distinct (type, content): verdicts only, never the parse tree.
 * Plain data, so that it can be computed in a worker thread and sent back.
 */
export interface DefinitionAnalysis {
  validity: DefinitionCheck;
  /** Over a size or work limit: every check of the definition is this `error`. */
  overLimit?: DefinitionCheck;
  /** OpenAPI only: why the definition is not an OpenAPI document. */
  notOpenApi?: string;
  /** OpenAPI only: the `api.*` verdicts, per distinct rule options. */
  rules?: Map<string, Record<ApiRuleId, DefinitionCheck>>;
}

const RECENT_DIGESTS = 4;

const VALIDITY_BY_TYPE: Record<
  string,
  (definition: string, budget: WorkBudget) => DefinitionCheck
> = {
  asyncapi: asyncApiValidity,
  grpc: protobufValidity,
  graphql: graphqlValidity,
};

/**
 * Analyses API definitions for `interface.spec-valid` and the `api.*` rules.
 *
 * Each distinct definition is parsed once: analyses are cached by the sha256 of (type, content),
 * so services sharing a definition, and repeated evaluations, reuse the work. When an OpenAPI
 * document is parsed, all six `api.*` verdicts are computed at once (a linear pass each, cheap
 * next to parsing) and only the verdicts are kept, so the cache holds no parse trees and its
 * memory stays small; the number of entries is bounded (least recently used first out).
 * Instances are safe to share across evaluations. Evaluation never touches the network or the
 * file system: `$ref`s resolve inside the document only, protobuf imports are not loaded.
 *
 * Every definition is bounded by the `limits`: one over the size limit is not parsed, and the
 * parse and analysis of one spend from a work budget; over either, its checks are `error`.
 * Analyses can also be computed elsewhere (`analyse`, e.g. in a worker thread) and adopted.
 */
export class ApiDefinitionAnalyzer {
  private readonly analyses: LruCache<string, DefinitionAnalysis>;
  /**
   * The sha256 of the last few definitions seen: every rule asks about the same definition in
   * turn, and comparing strings (usually the very same string object) is far cheaper than
   * hashing them again. A short list compared with `===`, not a Map: V8 does not hash long
   * strings by content, so long keys all collide in a Map.
   */
  private readonly recentDigests: Array<{
    definition: string;
    digest: string;
  }> = [];

  private lastOptions: OpenApiRuleOptions;

  readonly limits: DefinitionLimits;
  /** Verdicts depend on the limits: callers that memoise them compare this too. */
  readonly limitsKey: string;

  /**
   * @param options.cacheSize - how many distinct definitions to remember (default 20,000)
   * @param options.ruleOptions - the `api.*` options to expect (default: the rulebook's)
   * @param options.limits - size and work limits per definition (default DEFAULT_DEFINITION_LIMITS)
   */
  constructor(options?: {
    cacheSize?: number;
    ruleOptions?: OpenApiRuleOptions;
    limits?: DefinitionLimits;
  }) {
    this.analyses = new LruCache(options?.cacheSize ?? 20_000);
    this.lastOptions = options?.ruleOptions ?? DEFAULT_OPENAPI_RULE_OPTIONS;
    this.limits = options?.limits ?? DEFAULT_DEFINITION_LIMITS;
    this.limitsKey = limitsKeyOf(this.limits);
  }

  /** `interface.spec-valid` for one API: `pass`, `fail` with the reason, or `error` over a limit. */
  checkSpecValid(apiType: string, definition: string): DefinitionCheck {
    const type = apiType.toLowerCase();
    if (definition.trim() === '') {
      return failure('the definition is empty');
    }
    if (type === 'openapi') {
      const analysis = this.openApiAnalysis(definition);
      return copy(analysis.overLimit ?? analysis.validity);
    }
    if (!VALIDITY_BY_TYPE[type]) {
      return failure(`unknown API type "${apiType}"`);
    }
    const key = this.analysisKey(type, definition);
    let analysis = this.analyses.get(key);
    if (!analysis) {
      analysis = this.analyse(type, definition);
      this.analyses.set(key, analysis);
    }
    return copy(analysis.overLimit ?? analysis.validity);
  }

  /** Whether the `api.*` rules apply to an API of this type. */
  isOpenApi(apiType: string): boolean {
    return apiType.toLowerCase() === 'openapi';
  }

  /**
   * One `api.*` rule on one OpenAPI definition: `error` when it is not an OpenAPI document or
   * is over a limit, otherwise `pass` or `fail` with one evidence line per problem
   * (`GET /pets: ...`).
   */
  checkOpenApiRule(
    ruleId: ApiRuleId,
    definition: string,
    options: OpenApiRuleOptions,
  ): DefinitionCheck {
    const analysis = this.openApiAnalysis(definition);
    if (analysis.overLimit) {
      return copy(analysis.overLimit);
    }
    if (analysis.notOpenApi !== undefined) {
      return {
        status: 'error',
        message: analysis.notOpenApi,
        evidence: [analysis.notOpenApi],
      };
    }
    this.lastOptions = options;
    const optionsKey = optionsKeyOf(options);
    let verdicts = analysis.rules!.get(optionsKey);
    if (!verdicts) {
      // Other options than at parse time (rare): parse again.
      const again = this.analyse('openapi', definition, [options]);
      if (again.overLimit) {
        return copy(again.overLimit);
      }
      verdicts = again.rules!.get(optionsKey)!;
      analysis.rules!.set(optionsKey, verdicts);
    }
    return copy(verdicts[ruleId]);
  }

  /** The cache key of (type, content): the type and the sha256 of the content. */
  analysisKey(apiType: string, definition: string): string {
    let recent = this.recentDigests.find(
      entry => entry.definition === definition,
    );
    if (!recent) {
      recent = { definition, digest: sha256(definition) };
      this.recentDigests.unshift(recent);
      this.recentDigests.length = Math.min(
        this.recentDigests.length,
        RECENT_DIGESTS,
      );
    }
    return `${apiType.toLowerCase()}:${recent.digest}`;
  }

  /** Whether the analysis of this key is cached, so that the checks will not parse. */
  hasAnalysis(key: string): boolean {
    return this.analyses.get(key) !== undefined;
  }

  /** Caches an analysis computed elsewhere (by `analyse` under the same limits). */
  adoptAnalysis(key: string, analysis: DefinitionAnalysis): void {
    this.analyses.set(key, analysis);
  }

  /**
   * Parses and analyses one definition within the limits, without the cache: its validity and,
   * for OpenAPI, the `api.*` verdicts for each of `ruleOptions` (default: the last asked for).
   */
  analyse(
    apiType: string,
    definition: string,
    ruleOptions: readonly OpenApiRuleOptions[] = [this.lastOptions],
  ): DefinitionAnalysis {
    const type = apiType.toLowerCase();
    try {
      const bytes = Buffer.byteLength(definition, 'utf8');
      if (bytes > this.limits.maxDefinitionBytes) {
        throw DefinitionLimitError.tooLarge(
          bytes,
          this.limits.maxDefinitionBytes,
        );
      }
      const budget = new WorkBudget(this.limits.maxDefinitionWork);
      if (type !== 'openapi') {
        const validity = VALIDITY_BY_TYPE[type];
        return {
          validity: validity
            ? validity(definition, budget)
            : failure(`unknown API type "${apiType}"`),
        };
      }
      const parsed = OpenApiDocument.parse(definition, budget);
      if ('notOpenApi' in parsed) {
        return {
          validity: openApiValidity(parsed),
          notOpenApi: parsed.notOpenApi,
        };
      }
      const rules = new Map(
        ruleOptions.map(options => [
          optionsKeyOf(options),
          this.ruleVerdicts(parsed, options),
        ]),
      );
      return { validity: openApiValidity(parsed), rules };
    } catch (e) {
      const limitError =
        e instanceof RangeError
          ? // The stack or a collection ran out: nesting too deep for any analysis.
            DefinitionLimitError.tooComplex(
              this.limits.maxDefinitionWork,
              'it is nested too deeply or too large to analyse',
            )
          : e;
      if (!(limitError instanceof DefinitionLimitError)) throw e;
      const overLimit: DefinitionCheck = {
        status: 'error',
        message: limitError.message,
        evidence: [],
      };
      return { validity: overLimit, overLimit };
    }
  }

  private openApiAnalysis(definition: string): DefinitionAnalysis {
    const key = this.analysisKey('openapi', definition);
    const cached = this.analyses.get(key);
    if (cached) {
      return cached;
    }
    // The parse tree is not kept, so the verdicts are computed now, for the options the
    // rules were last asked with: they come from config and rarely change.
    const analysis = this.analyse('openapi', definition);
    this.analyses.set(key, analysis);
    return analysis;
  }

  private ruleVerdicts(
    document: OpenApiDocument,
    options: OpenApiRuleOptions,
  ): Record<ApiRuleId, DefinitionCheck> {
    const input = {
      document,
      schemas: new SchemaProperties(document.refs, document.budget),
      options,
    };
    const verdicts = {} as Record<ApiRuleId, DefinitionCheck>;
    for (const ruleId of API_RULE_IDS) {
      verdicts[ruleId] = openApiRuleChecks[ruleId](input);
    }
    return verdicts;
  }
}

function sha256(text: string): string {
  // The one-shot `hash` (Node 20.12+) is several times faster than a Hash object on large text.
  return typeof hash === 'function'
    ? hash('sha256', text)
    : createHash('sha256').update(text).digest('hex');
}

function optionsKeyOf(options: OpenApiRuleOptions): string {
  return JSON.stringify([options.errorSchema, options.correlationHeader]);
}

function failure(reason: string): DefinitionCheck {
  return { status: 'fail', message: reason, evidence: [reason] };
}

/** Callers get their own copy, so that editing a verdict never corrupts the cache. */
function copy(check: DefinitionCheck): DefinitionCheck {
  return { ...check, evidence: [...check.evidence] };
}
