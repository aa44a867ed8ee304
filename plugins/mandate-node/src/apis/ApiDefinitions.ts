import { createHash, hash } from 'crypto';
import type { SnapshotEntity } from '../catalog';
import { DefinitionCheck, DefinitionFix } from './DefinitionCheck';
import {
  DEFAULT_DEFINITION_LIMITS,
  DefinitionLimitError,
  DefinitionLimits,
  limitsKeyOf,
} from './DefinitionLimits';
import { lineOfPointer } from './lineOfPointer';
import { definitionOf } from './definitionOf';
import { firstLineOf } from './firstLineOf';
import { LruCache } from './LruCache';
import { OpenApiDocument } from './OpenApiDocument';
import { OpenApiDocumentCheck } from './OpenApiDocumentCheck';
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
  /** OpenAPI documents only: the verdicts of document checks, by check id and options. */
  verdicts?: Map<string, DefinitionCheck>;
  /** OpenAPI documents only: the steps parsing and the instance's `checks` took. */
  spent?: number;
}

/**
 * An OpenAPI API's parsed document, or the `error` that stands in for it: the definition could
 * not be read, is not an OpenAPI document, or is over a limit.
 *
 * @public
 */
export type OpenApiDefinition =
  | { document: OpenApiDocument; problem?: undefined }
  | { document?: undefined; problem: DefinitionCheck };

/** A document check with the options to run it with. */
export interface ConfiguredCheck {
  check: OpenApiDocumentCheck;
  options: unknown;
}

interface RecentDocument {
  key: string;
  document: OpenApiDocument;
  bytes: number;
}

/** Hashing is skipped for the definitions asked about last (see `analysisKey`). */
const RECENT_DIGESTS = 4;
/**
 * Parse trees cost ~100 times their text: at most this many, and this many bytes of text
 * (always the last one), are kept, which covers the APIs of one service while its rules run.
 */
const RECENT_DOCUMENTS = 4;
const RECENT_DOCUMENT_BYTES = 8 * 1024 * 1024;

const VALIDITY_BY_TYPE: Record<
  string,
  (definition: string, budget: WorkBudget) => DefinitionCheck
> = {
  asyncapi: asyncApiValidity,
  grpc: protobufValidity,
  graphql: graphqlValidity,
};

/**
 * The API definitions as rules read them: the spec validity of each API, the parsed
 * OpenAPI document (local `$ref`s resolved, schemas merged), and the verdicts of document checks
 * (`defineOpenApiRule`), memoised per (content hash, check id, options).
 *
 * Verdicts are kept in a bounded LRU by the sha256 of (type, content), so services sharing a
 * definition, and later evaluations given the same instance, reuse them; parse trees are kept
 * only for the last few definitions, since the rules of one service ask about its APIs in turn.
 * The caller decides the lifetime: the CLI uses one per run, the backend one per plugin
 * instance, `evaluateCatalog` without one creates one per call. Evaluation never touches the
 * network or the file system: `$ref`s resolve inside the document only, protobuf imports are not
 * loaded.
 *
 * Every definition is bounded by the `limits`: one over the size limit is not parsed, and the
 * parse and the `checks` given at construction (the built-in OpenAPI rules, computed when the
 * document is parsed) spend from one work budget; over either limit, every check of the
 * definition is `error` for that API only. Any other check (a custom rule) runs on first use
 * with what that analysis left, and only its own verdict errs when it runs out. Analyses can be
 * computed elsewhere (`analyse` in a worker thread, for the same `checks`) and adopted.
 *
 * @public
 */
export class ApiDefinitions {
  readonly limits: DefinitionLimits;
  /** Verdicts depend on the limits: a caller must not mix instances with different limits. */
  readonly limitsKey: string;
  /** The checks computed with every OpenAPI document's parse, sharing its budget. */
  readonly checks: readonly ConfiguredCheck[];
  readonly #analyses: LruCache<string, DefinitionAnalysis>;
  /**
   * The sha256 of the last few definitions seen: every rule asks about the same definition in
   * turn, and comparing strings (usually the very same string object) is far cheaper than
   * hashing them again. A short list compared with `===`, not a Map: V8 does not hash long
   * strings by content, so long keys all collide in a Map.
   */
  readonly #recentDigests: Array<{ definition: string; digest: string }> = [];
  readonly #recentDocuments: RecentDocument[] = [];
  /** The lines of the last few definitions asked about (`lineOf`): failing ones only. */
  readonly #lines = new LruCache<string, readonly string[]>(16);

  /**
   * @param options.cacheSize - how many distinct definitions' verdicts to remember (default 20,000)
   * @param options.limits - size and work limits per definition (default DEFAULT_DEFINITION_LIMITS)
   * @param options.checks - the checks to compute when a document is parsed (default none)
   */
  constructor(options?: {
    cacheSize?: number;
    limits?: DefinitionLimits;
    checks?: readonly ConfiguredCheck[];
  }) {
    this.#analyses = new LruCache(options?.cacheSize ?? 20_000);
    this.limits = options?.limits ?? DEFAULT_DEFINITION_LIMITS;
    this.limitsKey = limitsKeyOf(this.limits);
    this.checks = options?.checks ?? [];
  }

  /** Whether the OpenAPI rules apply to an API: its `spec.type` is `openapi`, in any case. */
  isOpenApi(api: { type?: string }): boolean {
    return (api.type ?? '').toLowerCase() === 'openapi';
  }

  /** Spec validity of one API: an unreadable definition is an `error`. */
  specValidity(api: SnapshotEntity): DefinitionCheck {
    if (api.definitionReadError) return unreadable(api);
    return this.specValidityOf(api.type ?? '', definitionOf(api));
  }

  /**
   * The parsed OpenAPI document of one API, or why there is none. Parses unless the document is
   * among the last few asked for: a rule should prefer `defineOpenApiRule`, whose verdicts are
   * memoised and computed in the backend's worker threads for the built-in rules.
   */
  openApi(api: SnapshotEntity): OpenApiDefinition {
    if (api.definitionReadError) return { problem: unreadable(api) };
    return this.openApiOf(definitionOf(api));
  }

  /** One document check on one API's OpenAPI definition, memoised. */
  openApiCheck(
    api: SnapshotEntity,
    check: OpenApiDocumentCheck,
    options: unknown,
  ): DefinitionCheck {
    if (api.definitionReadError) return unreadable(api);
    return this.openApiCheckOf(definitionOf(api), check, options);
  }

  /**
   * The 1-based line of a JSON pointer's key in an API's definition text, or of its deepest
   * key found (`lineOfPointer`, a scan by indentation, not a second parse); for the places a
   * failing result points at. The text's lines are kept for the last few definitions asked.
   */
  lineOf(api: SnapshotEntity, pointer: string): number | undefined {
    const definition = definitionOf(api);
    const key = this.analysisKey(api.type ?? '', definition);
    let lines = this.#lines.get(key);
    if (!lines) {
      lines = definition.split(/\r?\n/);
      this.#lines.set(key, lines);
    }
    return lineOfPointer(lines, pointer);
  }

  /** Spec validity of a definition text of a type: `pass`, `fail` with the reason, or `error`. */
  specValidityOf(apiType: string, definition: string): DefinitionCheck {
    const type = apiType.toLowerCase();
    if (definition.trim() === '') return failure('the definition is empty');
    if (type !== 'openapi' && !VALIDITY_BY_TYPE[type]) {
      return unknownType(apiType, definition);
    }
    const analysis = this.#analysis(type, definition);
    return copy(analysis.overLimit ?? analysis.validity);
  }

  /** The parsed OpenAPI document of a definition text, or the `error` that stands in for it. */
  openApiOf(definition: string): OpenApiDefinition {
    const key = this.analysisKey('openapi', definition);
    const problem = problemOf(this.#analysis('openapi', definition, key));
    if (problem) return { problem };
    const recent = this.#document(key, definition);
    return 'status' in recent
      ? { problem: recent }
      : { document: recent.document };
  }

  /**
   * One document check on a definition text: `error` when it is not an OpenAPI document or is
   * over a limit, otherwise the check's verdict for these options, computed once.
   */
  openApiCheckOf(
    definition: string,
    check: OpenApiDocumentCheck,
    options: unknown,
  ): DefinitionCheck {
    const key = this.analysisKey('openapi', definition);
    const analysis = this.#analysis('openapi', definition, key);
    const problem = problemOf(analysis);
    if (problem) return problem;
    const verdictKey = verdictKeyOf(check.id, options);
    let verdict = analysis.verdicts!.get(verdictKey);
    if (!verdict) {
      const recent = this.#document(key, definition);
      verdict =
        'status' in recent
          ? recent
          : runLaterCheck(
              recent,
              analysis.spent ?? 0,
              check,
              options,
              this.limits,
            );
      analysis.verdicts!.set(verdictKey, verdict);
    }
    return copy(verdict);
  }

  /** The cache key of (type, content): the type and the sha256 of the content. */
  analysisKey(apiType: string, definition: string): string {
    let recent = this.#recentDigests.find(
      entry => entry.definition === definition,
    );
    if (!recent) {
      recent = { definition, digest: sha256(definition) };
      this.#recentDigests.unshift(recent);
      this.#recentDigests.length = Math.min(
        this.#recentDigests.length,
        RECENT_DIGESTS,
      );
    }
    return `${apiType.toLowerCase()}:${recent.digest}`;
  }

  /**
   * Whether the analysis of this key is cached with the verdicts of these checks, so that
   * reading them will not parse.
   */
  isAnalysed(key: string, checks: readonly ConfiguredCheck[] = []): boolean {
    const analysis = this.#analyses.get(key);
    if (!analysis) return false;
    const { verdicts } = analysis;
    return (
      !verdicts ||
      checks.every(({ check, options }) =>
        verdicts.has(verdictKeyOf(check.id, options)),
      )
    );
  }

  /**
   * Remembers at least this many definitions' verdicts from now on: an evaluation reading more
   * distinct definitions than the cache holds would parse the evicted ones again.
   */
  reserve(distinctDefinitions: number): void {
    this.#analyses.reserve(distinctDefinitions);
  }

  /** Caches an analysis computed elsewhere (by `analyse` under the same limits). */
  adoptAnalysis(key: string, analysis: DefinitionAnalysis): void {
    const known = this.#analyses.get(key)?.verdicts;
    if (known && analysis.verdicts) {
      for (const [verdictKey, verdict] of known) {
        if (!analysis.verdicts.has(verdictKey)) {
          analysis.verdicts.set(verdictKey, verdict);
        }
      }
    }
    this.#analyses.set(key, analysis);
  }

  /**
   * Parses and analyses one definition within the limits, without the verdict cache: its
   * validity and, for an OpenAPI document, the verdicts of `checks` (default: the instance's),
   * all on one work budget.
   */
  analyse(
    apiType: string,
    definition: string,
    checks: readonly ConfiguredCheck[] = this.checks,
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
            : unknownType(apiType, definition),
        };
      }
      const parsed = OpenApiDocument.parse(definition, budget);
      if ('notOpenApi' in parsed) {
        return {
          validity: openApiValidity(parsed),
          notOpenApi: parsed.notOpenApi,
        };
      }
      // A limit error of any check here makes the whole definition over the limit.
      const verdicts = new Map(
        checks.map(({ check, options }) => [
          verdictKeyOf(check.id, options),
          runCheck(parsed, check, options),
        ]),
      );
      this.#remember({
        key: this.analysisKey('openapi', definition),
        document: parsed,
        bytes,
      });
      return {
        validity: openApiValidity(parsed),
        verdicts,
        spent: budget.spent,
      };
    } catch (e) {
      const overLimit = overLimitCheck(e, this.limits);
      if (!overLimit) throw e;
      return { validity: overLimit, overLimit };
    }
  }

  #analysis(
    type: string,
    definition: string,
    key = this.analysisKey(type, definition),
  ): DefinitionAnalysis {
    let analysis = this.#analyses.get(key);
    if (!analysis) {
      analysis = this.analyse(type, definition);
      this.#analyses.set(key, analysis);
    }
    return analysis;
  }

  /** The parsed document of an OpenAPI definition known to parse: a recent one, or parsed again. */
  #document(key: string, definition: string): RecentDocument | DefinitionCheck {
    const index = this.#recentDocuments.findIndex(entry => entry.key === key);
    if (index >= 0) {
      const [recent] = this.#recentDocuments.splice(index, 1);
      return this.#remember(recent);
    }
    const budget = new WorkBudget(this.limits.maxDefinitionWork);
    try {
      const parsed = OpenApiDocument.parse(definition, budget);
      if ('notOpenApi' in parsed) {
        return { status: 'error', message: parsed.notOpenApi, evidence: [] };
      }
      return this.#remember({
        key,
        document: parsed,
        bytes: Buffer.byteLength(definition, 'utf8'),
      });
    } catch (e) {
      const overLimit = overLimitCheck(e, this.limits);
      if (!overLimit) throw e;
      return overLimit;
    }
  }

  #remember(recent: RecentDocument): RecentDocument {
    const documents = this.#recentDocuments;
    documents.unshift(recent);
    let bytes = 0;
    const kept = documents.findIndex((entry, i) => {
      bytes += entry.bytes;
      return i > 0 && (i >= RECENT_DOCUMENTS || bytes > RECENT_DOCUMENT_BYTES);
    });
    if (kept > 0) documents.length = kept;
    return recent;
  }
}

/**
 * One check on a parsed document. Throws DefinitionLimitError when the budget runs out; any
 * other failure, or a malformed verdict, is the check's `error`.
 */
function runCheck(
  document: OpenApiDocument,
  check: OpenApiDocumentCheck,
  options: unknown,
): DefinitionCheck {
  let verdict: unknown;
  try {
    verdict = check.checkDocument(document, options);
  } catch (e) {
    if (e instanceof DefinitionLimitError || e instanceof RangeError) throw e;
    return {
      status: 'error',
      message: `${check.id} could not check the document: ${firstLineOf(e)}`,
      evidence: [],
    };
  }
  if (!isDefinitionCheck(verdict)) {
    return {
      status: 'error',
      message: `${check.id} returned an invalid verdict: expected { status: pass|fail|error, evidence: string[] }`,
      evidence: [],
    };
  }
  return copy(verdict);
}

/** A check run after the analysis, from what the analysis left: over the limit, only it errs. */
function runLaterCheck(
  recent: RecentDocument,
  analysisSpent: number,
  check: OpenApiDocumentCheck,
  options: unknown,
  limits: DefinitionLimits,
): DefinitionCheck {
  recent.document.budget.restart(analysisSpent);
  try {
    return runCheck(recent.document, check, options);
  } catch (e) {
    const overLimit = overLimitCheck(e, limits);
    if (!overLimit) throw e;
    return overLimit;
  }
}

/** The `error` of a definition over a limit, or undefined when `e` is another error. */
function overLimitCheck(
  e: unknown,
  limits: DefinitionLimits,
): DefinitionCheck | undefined {
  const limitError =
    e instanceof RangeError
      ? // The stack or a collection ran out: nesting too deep for any analysis.
        DefinitionLimitError.tooComplex(
          limits.maxDefinitionWork,
          'it is nested too deeply or too large to analyse',
        )
      : e;
  if (!(limitError instanceof DefinitionLimitError)) return undefined;
  return { status: 'error', message: limitError.message, evidence: [] };
}

function problemOf(analysis: DefinitionAnalysis): DefinitionCheck | undefined {
  if (analysis.overLimit) return copy(analysis.overLimit);
  if (analysis.notOpenApi !== undefined) {
    return {
      status: 'error',
      message: analysis.notOpenApi,
      evidence: [analysis.notOpenApi],
    };
  }
  return undefined;
}

/** Options are flat (numbers, strings, booleans, string lists): keys sorted, so order never matters. */
function verdictKeyOf(checkId: string, options: unknown): string {
  const keys =
    options && typeof options === 'object' ? Object.keys(options).sort() : [];
  return `${checkId} ${JSON.stringify(options ?? null, keys)}`;
}

function isDefinitionCheck(value: unknown): value is DefinitionCheck {
  const check = value as DefinitionCheck | undefined;
  return (
    !!check &&
    (check.status === 'pass' ||
      check.status === 'fail' ||
      check.status === 'error') &&
    Array.isArray(check.evidence) &&
    check.evidence.every(line => typeof line === 'string') &&
    (check.failures === undefined ||
      (Array.isArray(check.failures) &&
        check.failures.every(item => typeof item?.pointer === 'string'))) &&
    (check.fix === undefined || typeof check.fix?.text === 'string')
  );
}

function sha256(text: string): string {
  // The one-shot `hash` (Node 20.12+) is several times faster than a Hash object on large text.
  return typeof hash === 'function'
    ? hash('sha256', text)
    : createHash('sha256').update(text).digest('hex');
}

function unreadable(api: SnapshotEntity): DefinitionCheck {
  return {
    status: 'error',
    message: `the definition could not be read: ${api.definitionReadError}`,
    evidence: [],
  };
}

function failure(reason: string, fix?: DefinitionFix): DefinitionCheck {
  return {
    status: 'fail',
    message: reason,
    evidence: [reason],
    ...(fix ? { fix } : {}),
  };
}

/** The API types whose definitions are read, recognised by how their text starts. */
const TYPE_SIGNS: Array<[string, RegExp]> = [
  ['openapi', /^\s*["']?(openapi|swagger)["']?\s*:/m],
  ['asyncapi', /^\s*["']?asyncapi["']?\s*:/m],
  ['grpc', /^\s*syntax\s*=\s*["']proto[23]["']/m],
  ['graphql', /^\s*(extend\s+)?(type|schema)\s+(Query|Mutation)?\s*\{/m],
];

/** An unknown `spec.type`: the fix names the type the text looks like, or lets the owner choose. */
function unknownType(apiType: string, definition: string): DefinitionCheck {
  const known = [...TYPE_SIGNS.map(([type]) => type)];
  const guessed = TYPE_SIGNS.find(([, sign]) => sign.test(definition))?.[0];
  return failure(`unknown API type "${apiType}"`, {
    text: guessed
      ? `Set spec.type to ${guessed}: the definition is ${guessed}`
      : `Set spec.type to the type of the definition: one of ${known.join(
          ', ',
        )}`,
    edit: { spec: { type: guessed ?? 'openapi' } },
    target: 'entity',
    ...(guessed ? {} : { decision: true }),
  });
}

/** Callers get their own copy, so that editing a verdict never corrupts the cache. */
function copy(check: DefinitionCheck): DefinitionCheck {
  return {
    ...check,
    evidence: [...check.evidence],
    ...(check.failures
      ? { failures: check.failures.map(item => ({ ...item })) }
      : {}),
  };
}
