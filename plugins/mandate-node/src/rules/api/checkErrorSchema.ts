import { DefinitionCheck } from '../../apis/DefinitionCheck';
import {
  fragmentAt,
  jsonPointer,
  locationOf,
} from '../../apis/documentFragment';
import { isJsonObject } from '../../apis/jsonValues';
import {
  LocalRefResolver,
  unresolvableRefEvidence,
} from '../../apis/LocalRefResolver';
import { OpenApiDocument } from '../../apis/OpenApiDocument';
import { responseBodies } from '../../apis/responseBodies';
import { isErrorResponseKey } from '../../apis/statusCodes';
import { DefinitionFixBuilder } from './DefinitionFixBuilder';
import { problemResponse } from './problemResponse';

const PROBLEM_JSON = 'application/problem+json';

/**
 * The error-schema check: every 4XX/5XX/`default` response has a body in a shared error shape.
 * One qualifying media type is enough: `application/problem+json` (media type parameters and
 * case ignored), a schema with `title` and `status` properties (the RFC 9457 shape, `allOf`
 * merged), or a local `$ref` chain to the component schema named `errorSchema`. Operations
 * without error responses have nothing to check.
 *
 * The fix gives each failing response a body referring to the component schema `errorSchema`
 * (3.x: as `application/problem+json`, next to its other media types; 2.0: as its schema),
 * declaring that schema when the document lacks it. A shared response (`$ref`) is changed where
 * it is defined.
 */
export function checkErrorSchema(
  document: OpenApiDocument,
  errorSchema: string,
): DefinitionCheck {
  const evidence = [...document.unresolvablePathItems];
  const fix = new DefinitionFixBuilder().brokenPathItems(document);
  const globalProduces = document.root.produces;
  const addBody = (
    tokens: readonly string[],
    status: string,
    label: string,
  ) => {
    const { response, declaration } = problemResponse(
      document,
      '',
      errorSchema,
    );
    const { description: _none, ...body } = response;
    const natural = [...tokens, 'responses', status];
    const at = locationOf(document.root, natural);
    const shared =
      at.length !== natural.length || at.some((t, i) => t !== natural[i]);
    fix
      .fail(jsonPointer(natural))
      .edit(
        shared
          ? `give the shared response ${jsonPointer(
              at,
            )} the body ${errorSchema}`
          : `give the ${status} response of ${label} the body ${errorSchema}`,
        fragmentAt(at, body),
      );
    if (declaration) fix.edit(`declare the schema ${errorSchema}`, declaration);
  };
  for (const { label, operation, tokens } of document.operations) {
    const responses = OpenApiDocument.responsesOf(operation);
    // In 2.0 the media types of every response are the operation's (or the global) `produces`.
    const producesProblem = listsProblemJson(
      'produces' in operation ? operation.produces : globalProduces,
    );
    for (const status of Object.keys(responses).filter(isErrorResponseKey)) {
      const response = document.refs.deref(responses[status]);
      if (response.unresolvable !== undefined) {
        evidence.push(unresolvableRefEvidence(label, response.unresolvable));
        fix
          .fail(jsonPointer([...tokens, 'responses', status]))
          .manual(
            `make the $ref ${JSON.stringify(
              response.unresolvable,
            )} of the ${status} response of ${label} resolve inside the document`,
          );
        continue;
      }
      const bodies = isJsonObject(response.value)
        ? responseBodies(document, response.value)
        : [];
      if (bodies.length === 0) {
        evidence.push(`${label}: ${status} response has no body`);
        addBody(tokens, status, label);
        continue;
      }
      const unresolvable: string[] = [];
      const qualifies = bodies.some(({ mediaType, schema }) => {
        if (
          document.version === '2.0'
            ? producesProblem
            : isProblemJson(mediaType)
        ) {
          return true;
        }
        if (isNamedSchema(document.refs, schema, errorSchema)) {
          return true;
        }
        const merged = document.schemas.of(schema);
        if (merged.properties.has('title') && merged.properties.has('status')) {
          return true;
        }
        unresolvable.push(...merged.unresolvable);
        return false;
      });
      if (!qualifies) {
        addBody(tokens, status, label);
        evidence.push(
          ...(unresolvable.length > 0
            ? unresolvable.map(ref => unresolvableRefEvidence(label, ref))
            : [
                `${label}: ${status} response is neither ${PROBLEM_JSON}, nor a schema with title and status, nor "${errorSchema}"`,
              ]),
        );
      }
    }
  }
  return fix.check(
    evidence,
    'error responses without a standard error body',
    `Answer errors with the shared error body ${errorSchema}`,
  );
}

function isProblemJson(mediaType: unknown): boolean {
  return (
    typeof mediaType === 'string' &&
    mediaType.split(';')[0].trim().toLowerCase() === PROBLEM_JSON
  );
}

function listsProblemJson(produces: unknown): boolean {
  return Array.isArray(produces) && produces.some(isProblemJson);
}

/**
 * True when the schema is a `$ref` chain passing through `#/components/schemas/<name>` or
 * `#/definitions/<name>` (either form in any version) whose target exists.
 */
function isNamedSchema(
  refs: LocalRefResolver,
  schema: unknown,
  name: string,
): boolean {
  const seen = new Set<string>();
  let ref = LocalRefResolver.refOf(schema);
  while (ref !== undefined && !seen.has(ref)) {
    seen.add(ref);
    const target = refs.resolve(ref);
    if (target.unresolvable !== undefined) {
      return false;
    }
    if (pointsToSchemaNamed(ref, name)) {
      return true;
    }
    ref = LocalRefResolver.refOf(target.value);
  }
  return false;
}

/** Compares decoded pointer tokens, so `Problem` and `Pro%62lem` name the same schema. */
function pointsToSchemaNamed(ref: string, name: string): boolean {
  const tokens = LocalRefResolver.pointerTokens(ref) ?? [];
  const [first, second, third] = tokens;
  return (
    (tokens.length === 3 &&
      first === 'components' &&
      second === 'schemas' &&
      third === name) ||
    (tokens.length === 2 && first === 'definitions' && second === name)
  );
}
