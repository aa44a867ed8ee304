import { DocumentNode, Kind, parse as parseGraphql } from 'graphql';
import {
  Namespace,
  NamespaceBase,
  parse as parseProtobuf,
  ReflectionObject,
  Service,
} from 'protobufjs';
import { DefinitionCheck, DefinitionFix } from './DefinitionCheck';
import { DefinitionLimitError } from './DefinitionLimits';
import { errorLine } from './errorLine';
import { firstLineOf } from './firstLineOf';
import { isJsonObject } from './jsonValues';
import { NotOpenApi, OpenApiDocument } from './OpenApiDocument';
import { parseDefinition } from './parseDefinition';
import { WorkBudget } from './WorkBudget';

/**
 * Spec validity of an OpenAPI definition: an OpenAPI 2.0/3.x document with at least
 * one operation.
 */
export function openApiValidity(
  parsed: OpenApiDocument | NotOpenApi,
): DefinitionCheck {
  if ('notOpenApi' in parsed) {
    const { pointer, line } = parsed;
    return {
      status: 'fail',
      message: parsed.notOpenApi,
      evidence: [parsed.notOpenApi],
      failures: [{ pointer, ...(line ? { line } : {}) }],
      fix: parsed.fix,
    };
  }
  const count = parsed.operations.length;
  if (count === 0) {
    const reason = 'the OpenAPI document has no operations';
    const broken = parsed.unresolvablePaths;
    return {
      status: 'fail',
      message: reason,
      evidence: [reason, ...parsed.unresolvablePathItems],
      failures: [{ pointer: '/paths' }],
      fix: {
        text:
          broken.length > 0
            ? `Make the $ref of the path items ${broken.join(
                ', ',
              )} resolve inside the document, or describe their operations there`
            : 'Describe the operations the API serves under paths',
        decision: true,
      },
    };
  }
  return {
    status: 'pass',
    message: `OpenAPI ${
      parsed.version === '2.0' ? '2.0' : String(parsed.root.openapi)
    } with ${count} operation${count === 1 ? '' : 's'}`,
    evidence: [],
  };
}

/** Spec validity of an AsyncAPI definition: an `asyncapi` key and a non-empty `channels` mapping. */
export function asyncApiValidity(
  definition: string,
  budget: WorkBudget = WorkBudget.unlimited(),
): DefinitionCheck {
  let root: unknown;
  try {
    root = parseDefinition(definition, budget);
  } catch (e) {
    if (e instanceof DefinitionLimitError) throw e;
    return syntaxFailure(`not valid YAML or JSON: ${firstLineOf(e)}`, e);
  }
  if (!isJsonObject(root) || !('asyncapi' in root)) {
    return failure('not an AsyncAPI document: no asyncapi key', '', {
      text: "Write the AsyncAPI document: its asyncapi version, info and channels (if it is an OpenAPI document, set the API's spec.type to openapi)",
      edit: {
        asyncapi: '3.0.0',
        info: {
          title:
            isJsonObject(root) && typeof root.title === 'string'
              ? root.title
              : 'API',
          version: '1.0.0',
        },
        channels: {},
      },
      decision: true,
    });
  }
  if (!isJsonObject(root.channels) || Object.keys(root.channels).length === 0) {
    return failure('the AsyncAPI document has no channels', '/channels', {
      text: 'Describe the channels the API publishes or subscribes to under channels',
      decision: true,
    });
  }
  return { status: 'pass', evidence: [] };
}

/**
 * Spec validity of a gRPC definition: protobuf source with at least one service.
 * Only this text is parsed: `import`ed files are never loaded (that would read the file system),
 * so types they define stay unresolved, which does not matter for the check.
 */
export function protobufValidity(
  definition: string,
  budget: WorkBudget = WorkBudget.unlimited(),
): DefinitionCheck {
  let root: NamespaceBase;
  try {
    root = parseProtobuf(definition, { keepCase: true }).root;
  } catch (e) {
    if (e instanceof RangeError) throw e;
    return syntaxFailure(`not valid protobuf: ${firstLineOf(e)}`, e);
  }
  return containsService(root, budget)
    ? { status: 'pass', evidence: [] }
    : failure('the protobuf definition declares no service', '', {
        text: 'Declare the service and its rpc methods (`service Name { rpc Method (Request) returns (Response); }`)',
        decision: true,
      });
}

/**
 * Spec validity of a GraphQL definition: SDL that parses and has a query or mutation
 * root type. The root types are the ones a `schema { query: X mutation: Y }` definition (or
 * `extend schema`) names, else the types named `Query` and `Mutation`. A root counts when the
 * document defines it or only extends it (`extend type Query`), because federated subgraphs
 * extend root types defined elsewhere. The SDL is parsed, not built into a schema, so directives
 * and types defined elsewhere (federation, imports) do not fail it.
 */
export function graphqlValidity(
  definition: string,
  budget: WorkBudget = WorkBudget.unlimited(),
): DefinitionCheck {
  let document: DocumentNode;
  // The parser stops by itself after `maxTokens`: a token is one step of the budget.
  const maxTokens = Number.isFinite(budget.remaining)
    ? Math.max(0, Math.floor(budget.remaining))
    : undefined;
  try {
    document = parseGraphql(definition, { noLocation: true, maxTokens });
  } catch (e) {
    if (
      maxTokens !== undefined &&
      /contains more th[a-z]+ \d+ tokens/.test(String(e))
    ) {
      throw DefinitionLimitError.tooComplex(budget.limit);
    }
    if (e instanceof RangeError) throw e;
    return syntaxFailure(`not valid GraphQL SDL: ${firstLineOf(e)}`, e);
  }
  budget.spend(document.definitions.length);
  const named = new Map<string, string>();
  const objectTypes = new Set<string>();
  for (const node of document.definitions) {
    if (
      node.kind === Kind.SCHEMA_DEFINITION ||
      node.kind === Kind.SCHEMA_EXTENSION
    ) {
      for (const operationType of node.operationTypes ?? []) {
        named.set(operationType.operation, operationType.type.name.value);
      }
    } else if (
      node.kind === Kind.OBJECT_TYPE_DEFINITION ||
      node.kind === Kind.OBJECT_TYPE_EXTENSION
    ) {
      objectTypes.add(node.name.value);
    }
  }
  const hasSchemaDefinition = document.definitions.some(
    node =>
      node.kind === Kind.SCHEMA_DEFINITION ||
      node.kind === Kind.SCHEMA_EXTENSION,
  );
  const roots = hasSchemaDefinition
    ? [named.get('query'), named.get('mutation')]
    : ['Query', 'Mutation'];
  return roots.some(root => root !== undefined && objectTypes.has(root))
    ? { status: 'pass', evidence: [] }
    : failure('the GraphQL SDL has no Query or Mutation type', '', {
        text: 'Define the Query (or Mutation) type with the fields the API serves',
        decision: true,
      });
}

function containsService(
  namespace: NamespaceBase,
  budget: WorkBudget,
): boolean {
  budget.spend(namespace.nestedArray.length + 1);
  return namespace.nestedArray.some(
    (nested: ReflectionObject) =>
      nested instanceof Service ||
      (nested instanceof Namespace && containsService(nested, budget)),
  );
}

function failure(
  reason: string,
  pointer: string,
  fix: DefinitionFix,
  line?: number,
): DefinitionCheck {
  return {
    status: 'fail',
    message: reason,
    evidence: [reason],
    failures: [{ pointer, ...(line ? { line } : {}) }],
    fix,
  };
}

/** Text that does not parse: the fix is to correct it where the parser stopped. */
function syntaxFailure(reason: string, e: unknown): DefinitionCheck {
  const line = errorLine(e);
  return failure(
    reason,
    '',
    {
      text: `Correct the syntax${line ? ` at line ${line}` : ''}: ${firstLineOf(
        e,
      )}`,
      decision: true,
    },
    line,
  );
}
