import { DefinitionLimitError } from './DefinitionLimits';
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
  ): OpenApiDocument | { notOpenApi: string } {
    let root: unknown;
    try {
      root = parseDefinition(text, budget);
    } catch (e) {
      if (e instanceof DefinitionLimitError) throw e;
      return { notOpenApi: `not valid YAML or JSON: ${firstLineOf(e)}` };
    }
    if (!isJsonObject(root)) {
      return { notOpenApi: 'not an OpenAPI document: not a YAML/JSON mapping' };
    }
    if (typeof root.openapi === 'string' && OAS3_VERSION.test(root.openapi)) {
      return new OpenApiDocument(root, '3', budget);
    }
    if (root.swagger === '2.0') {
      return new OpenApiDocument(root, '2.0', budget);
    }
    if ('openapi' in root) {
      return {
        notOpenApi: `not an OpenAPI document: openapi ${JSON.stringify(
          root.openapi,
        )} is not a string 3.x[.y]`,
      };
    }
    if ('swagger' in root) {
      return {
        notOpenApi: `not an OpenAPI document: swagger ${JSON.stringify(
          root.swagger,
        )} is not the string "2.0"`,
      };
    }
    return {
      notOpenApi:
        'not an OpenAPI document: neither an openapi nor a swagger key',
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
          this.operations.push({ label, method, path, operation, pathItem });
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
    }
    const { $ref: _ref, ...siblings } = value as JsonObject;
    const target = isJsonObject(resolved.value) ? resolved.value : {};
    return { ...target, ...siblings };
  }
}
