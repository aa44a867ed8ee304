import type { DefinitionFix } from './DefinitionCheck';
import { DefinitionLimitError } from './DefinitionLimits';
import { jsonPointer, locationOf } from './documentFragment';
import { errorLine } from './errorLine';
import { firstLineOf } from './firstLineOf';
import { isJsonObject, JsonObject, keysWithoutExtensions } from './jsonValues';
import { LocalRefResolver, unresolvableRefEvidence } from './LocalRefResolver';
import { parseDefinition } from './parseDefinition';
import { SchemaProperties } from './SchemaProperties';
import { WorkBudget } from './WorkBudget';

/** One operation: a lower-case HTTP-method key of a path item. @public */
export interface OpenApiOperation {
  /** `GET /pets/{id}`: how evidence names the operation. */
  label: string;
  method: string;
  path: string;
  operation: JsonObject;
  /** The (resolved) path item, for path-level parameters. */
  pathItem: JsonObject;
  /**
   * Where the operation is in the document: `['paths', '/pets', 'get']`, or inside the target
   * of the path item's local `$ref`. A fix edits it there.
   */
  tokens: readonly string[];
  /** `tokens` as a JSON pointer: `/paths/~1pets/get`. */
  pointer: string;
}

/**
 * Why a definition is not an OpenAPI document: where (the key's JSON pointer, or the line of a
 * parse error) and what would make it one.
 *
 * @public
 */
export interface NotOpenApi {
  notOpenApi: string;
  pointer: string;
  line?: number;
  fix: DefinitionFix;
}

const OAS3_METHODS = new Set([
  'get',
  'put',
  'post',
  'delete',
  'options',
  'head',
  'patch',
  'trace',
]);
const SWAGGER2_METHODS = new Set([
  'get',
  'put',
  'post',
  'delete',
  'options',
  'head',
  'patch',
]);

/** `openapi: 3.x` or `3.x.y`, as a string: an unquoted `3.0` is a YAML number, not a version. */
const OAS3_VERSION = /^3\.\d+(\.\d+)?$/;

/**
 * A parsed OpenAPI 2.0 or 3.x document with its operations listed once, so that every rule
 * check is a linear pass over them. `refs` follows local `$ref`s (never remote ones) and
 * `schemas` merges schemas through `$ref` and `allOf`, memoised for the document's lifetime.
 *
 * @public
 */
export class OpenApiDocument {
  readonly refs: LocalRefResolver;
  #schemas: SchemaProperties | undefined;
  readonly operations: OpenApiOperation[] = [];
  /**
   * Evidence for path items whose `$ref` cannot be followed: their operations are unknown, so
   * every per-operation rule fails them.
   */
  readonly unresolvablePathItems: string[] = [];
  /** The paths of `unresolvablePathItems`, in the same order. */
  readonly unresolvablePaths: string[] = [];

  private constructor(
    readonly root: JsonObject,
    readonly version: '2.0' | '3',
    /** What analysing this document may still spend (parsing it already did). */
    readonly budget: WorkBudget,
  ) {
    this.refs = new LocalRefResolver(root, budget);
    this.listOperations();
  }

  /**
   * Parses a definition; returns the reason when it is not an OpenAPI document. `openapi`
   * decides when it is valid, otherwise `swagger` must be the string "2.0". Throws
   * DefinitionLimitError when the budget runs out.
   */
  static parse(
    text: string,
    budget: WorkBudget = WorkBudget.unlimited(),
  ): OpenApiDocument | NotOpenApi {
    let root: unknown;
    try {
      root = parseDefinition(text, budget);
    } catch (e) {
      if (e instanceof DefinitionLimitError) throw e;
      const line = errorLine(e);
      const reason = firstLineOf(e);
      return {
        notOpenApi: `not valid YAML or JSON: ${reason}`,
        pointer: '',
        ...(line ? { line } : {}),
        fix: {
          text: `Correct the syntax${
            line ? ` at line ${line}` : ''
          }: ${reason}`,
          decision: true,
        },
      };
    }
    if (!isJsonObject(root)) {
      return {
        notOpenApi: 'not an OpenAPI document: not a YAML/JSON mapping',
        pointer: '',
        fix: skeletonFix(undefined),
      };
    }
    if (typeof root.openapi === 'string' && OAS3_VERSION.test(root.openapi)) {
      return new OpenApiDocument(root, '3', budget);
    }
    if (root.swagger === '2.0') {
      return new OpenApiDocument(root, '2.0', budget);
    }
    if ('openapi' in root) {
      // An unquoted `3.0` is the number 3: its text is lost, so a version is proposed.
      const written = String(root.openapi).trim();
      const quoted = OAS3_VERSION.test(written);
      return {
        notOpenApi: `not an OpenAPI document: openapi ${JSON.stringify(
          root.openapi,
        )} is not a string 3.x[.y]`,
        pointer: '/openapi',
        fix: {
          text: quoted
            ? `Write openapi as the string '${written}'`
            : `Set openapi to the OpenAPI 3 version the document follows, as a string (e.g. '3.0.3')`,
          edit: { openapi: quoted ? written : '3.0.3' },
          ...(quoted ? {} : { decision: true }),
        },
      };
    }
    if ('swagger' in root) {
      const two = Number(root.swagger) === 2;
      return {
        notOpenApi: `not an OpenAPI document: swagger ${JSON.stringify(
          root.swagger,
        )} is not the string "2.0"`,
        pointer: '/swagger',
        fix: {
          text: two
            ? `Write swagger as the string '2.0'`
            : `Swagger documents are version '2.0'; for OpenAPI 3 replace swagger by openapi`,
          edit: { swagger: '2.0' },
          ...(two ? {} : { decision: true }),
        },
      };
    }
    return {
      notOpenApi:
        'not an OpenAPI document: neither an openapi nor a swagger key',
      pointer: '',
      fix: skeletonFix(root),
    };
  }

  /** Schema merging for this document, created on first use and shared by every check. */
  get schemas(): SchemaProperties {
    this.#schemas ??= new SchemaProperties(this.refs, this.budget);
    return this.#schemas;
  }

  /** The responses of an operation as a mapping (empty when missing or malformed). */
  static responsesOf(operation: JsonObject): JsonObject {
    return isJsonObject(operation.responses) ? operation.responses : {};
  }

  // Webhooks (3.1) are ignored: they are calls the API makes, not operations it serves.
  private listOperations(): void {
    const paths = this.root.paths;
    if (!isJsonObject(paths)) {
      return;
    }
    const methods = this.version === '3' ? OAS3_METHODS : SWAGGER2_METHODS;
    for (const path of keysWithoutExtensions(paths)) {
      const pathItem = this.resolvePathItem(path, paths[path]);
      if (!pathItem) {
        continue;
      }
      for (const method of Object.keys(pathItem)) {
        const operation = pathItem[method];
        if (methods.has(method) && isJsonObject(operation)) {
          const label = `${method.toUpperCase()} ${path}`;
          const own = Object.prototype.hasOwnProperty.call(paths[path], method);
          const tokens = [
            ...(own ? ['paths', path] : locationOf(this.root, ['paths', path])),
            method,
          ];
          const pointer = jsonPointer(tokens);
          this.operations.push({
            label,
            method,
            path,
            operation,
            pathItem,
            tokens,
            pointer,
          });
        }
      }
    }
  }

  /**
   * A path item may be a `$ref` (to a local path item). Fields next to the `$ref` are kept and
   * win over the referenced ones (3.1 allows them; in 3.0 their meaning is undefined).
   */
  private resolvePathItem(
    path: string,
    value: unknown,
  ): JsonObject | undefined {
    if (LocalRefResolver.refOf(value) === undefined) {
      return isJsonObject(value) ? value : undefined;
    }
    const resolved = this.refs.deref(value);
    if (resolved.unresolvable !== undefined) {
      this.unresolvablePathItems.push(
        unresolvableRefEvidence(path, resolved.unresolvable),
      );
      this.unresolvablePaths.push(path);
    }
    const { $ref: _ref, ...siblings } = value as JsonObject;
    const target = isJsonObject(resolved.value) ? resolved.value : {};
    return { ...target, ...siblings };
  }
}

/**
 * What a text that is not an OpenAPI document at all needs: to be written. The skeleton keeps
 * the title it already has; its operations are for the owners to design.
 */
function skeletonFix(root: JsonObject | undefined): DefinitionFix {
  const info = root && isJsonObject(root.info) ? root.info : {};
  const written = info.title ?? root?.title;
  const title = typeof written === 'string' && written.trim() ? written : 'API';
  return {
    text: 'Write the OpenAPI document: its version and info, and the operations under paths',
    edit: {
      openapi: '3.0.3',
      info: { title, version: '1.0.0' },
      paths: {},
    },
    decision: true,
  };
}
