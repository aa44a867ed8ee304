import { createHash, hash } from 'crypto';
import { DefinitionCheck } from './DefinitionCheck';
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

/** What is remembered about one distinct (type, content): verdicts only, never the parse tree. */
interface Analysis {
  validity: DefinitionCheck;
  /** OpenAPI only: why the definition is not an OpenAPI document. */
  notOpenApi?: string;
  /** OpenAPI only: the `api.*` verdicts, per distinct rule options. */
  rules?: Map<string, Record<ApiRuleId, DefinitionCheck>>;
}

const RECENT_DIGESTS = 4;

const VALIDITY_BY_TYPE: Record<
  string,
  (definition: string) => DefinitionCheck
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
 */
export class ApiDefinitionAnalyzer {
  private readonly analyses: LruCache<string, Analysis>;
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

  /**
   * @param options.cacheSize - how many distinct definitions to remember (default 20,000)
   * @param options.ruleOptions - the `api.*` options to expect (default: the rulebook's)
   */
  constructor(options?: {
    cacheSize?: number;
    ruleOptions?: OpenApiRuleOptions;
  }) {
    this.analyses = new LruCache(options?.cacheSize ?? 20_000);
    this.lastOptions = options?.ruleOptions ?? DEFAULT_OPENAPI_RULE_OPTIONS;
  }

  /** `interface.spec-valid` for one API: `pass`, or `fail` with the reason. */
  checkSpecValid(apiType: string, definition: string): DefinitionCheck {
    const type = apiType.toLowerCase();
    if (definition.trim() === '') {
      return failure('the definition is empty');
    }
    if (type === 'openapi') {
      return copy(this.openApiAnalysis(definition).validity);
    }
    const validity = VALIDITY_BY_TYPE[type];
    if (!validity) {
      return failure(`unknown API type "${apiType}"`);
    }
    const key = this.keyOf(type, definition);
    let analysis = this.analyses.get(key);
    if (!analysis) {
      analysis = { validity: validity(definition) };
      this.analyses.set(key, analysis);
    }
    return copy(analysis.validity);
  }

  /** Whether the `api.*` rules apply to an API of this type. */
  isOpenApi(apiType: string): boolean {
    return apiType.toLowerCase() === 'openapi';
  }

  /**
   * One `api.*` rule on one OpenAPI definition: `error` when it is not an OpenAPI document,
   * otherwise `pass` or `fail` with one evidence line per problem (`GET /pets: ...`).
   */
  checkOpenApiRule(
    ruleId: ApiRuleId,
    definition: string,
    options: OpenApiRuleOptions,
  ): DefinitionCheck {
    const analysis = this.openApiAnalysis(definition);
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
      verdicts = this.ruleVerdicts(
        OpenApiDocument.parse(definition) as OpenApiDocument,
        options,
      );
      analysis.rules!.set(optionsKey, verdicts);
    }
    return copy(verdicts[ruleId]);
  }

  private openApiAnalysis(definition: string): Analysis {
    const key = this.keyOf('openapi', definition);
    const cached = this.analyses.get(key);
    if (cached) {
      return cached;
    }
    const parsed = OpenApiDocument.parse(definition);
    let analysis: Analysis;
    if ('notOpenApi' in parsed) {
      analysis = {
        validity: openApiValidity(parsed),
        notOpenApi: parsed.notOpenApi,
      };
    } else {
      // The parse tree is not kept, so the verdicts are computed now, for the options the
      // rules were last asked with: they come from config and rarely change.
      const rules = new Map([
        [
          optionsKeyOf(this.lastOptions),
          this.ruleVerdicts(parsed, this.lastOptions),
        ],
      ]);
      analysis = { validity: openApiValidity(parsed), rules };
    }
    this.analyses.set(key, analysis);
    return analysis;
  }

  private ruleVerdicts(
    document: OpenApiDocument,
    options: OpenApiRuleOptions,
  ): Record<ApiRuleId, DefinitionCheck> {
    const input = {
      document,
      schemas: new SchemaProperties(document.refs),
      options,
    };
    const verdicts = {} as Record<ApiRuleId, DefinitionCheck>;
    for (const ruleId of API_RULE_IDS) {
      verdicts[ruleId] = openApiRuleChecks[ruleId](input);
    }
    return verdicts;
  }

  /** The cache key of (type, content): the type and the sha256 of the content. */
  private keyOf(type: string, definition: string): string {
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
    return `${type}:${recent.digest}`;
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
