import { DefinitionCheck } from '../../apis/DefinitionCheck';
import { fragmentAt, jsonPointer } from '../../apis/documentFragment';
import { isJsonObject } from '../../apis/jsonValues';
import { unresolvableRefEvidence } from '../../apis/LocalRefResolver';
import { OpenApiDocument } from '../../apis/OpenApiDocument';
import { responseBodies } from '../../apis/responseBodies';
import { SchemaProperties } from '../../apis/SchemaProperties';
import { isErrorResponseKey, isSuccessStatus } from '../../apis/statusCodes';
import { DefinitionFixBuilder } from './DefinitionFixBuilder';
import { problemResponse } from './problemResponse';

/** The component schema the proposed error responses refer to (added when missing). */
const ERROR_SCHEMA = 'Problem';

/** Top-level properties that put an error into a success body. */
const ERROR_PROPERTIES = new Set([
  'error',
  'errors',
  'errorCode',
  'errorMessage',
  'err',
]);
/** Top-level properties that, as booleans, report failure inside a success body. */
const FLAG_PROPERTIES = new Set(['success', 'ok']);

const ERROR_DESCRIPTIONS = {
  '404': 'Not found',
  '400': 'Invalid request',
  '500': 'Internal error',
} as const;

/**
 * The http-status-errors check: errors are reported with real status codes. Each operation documents
 * a 4XX/5XX (or `default`) response - merely having the key counts, even when its `$ref` is
 * broken - and no 2XX body carries an error ("200 with an error in the body").
 *
 * The fix adds the error response an operation most plausibly answers (`errorStatusFor`), as
 * problem details referring to the component schema `Problem` (declared when missing). Error
 * properties in a success body are for the owners to remove: clients read them today.
 */
export function checkHttpStatusErrors(
  document: OpenApiDocument,
): DefinitionCheck {
  const evidence = [...document.unresolvablePathItems];
  const fix = new DefinitionFixBuilder().brokenPathItems(document);
  for (const op of document.operations) {
    const { label, operation } = op;
    const responses = OpenApiDocument.responsesOf(operation);
    const keys = Object.keys(responses);
    if (!keys.some(isErrorResponseKey)) {
      evidence.push(`${label}: no 4XX/5XX or default response`);
      const status = errorStatusFor(op.method, op.path);
      const { response, declaration } = problemResponse(
        document,
        ERROR_DESCRIPTIONS[status],
        ERROR_SCHEMA,
      );
      fix
        .fail(op.pointer)
        .edit(
          `add the ${status} response to ${label}`,
          fragmentAt([...op.tokens, 'responses', status], response),
        );
      if (declaration) {
        fix.edit(`declare the schema ${ERROR_SCHEMA}`, declaration);
      }
    }
    for (const status of keys.filter(isSuccessStatus)) {
      const pointer = jsonPointer([...op.tokens, 'responses', status]);
      const response = document.refs.deref(responses[status]);
      if (response.unresolvable !== undefined) {
        evidence.push(unresolvableRefEvidence(label, response.unresolvable));
        fix
          .fail(pointer)
          .manual(
            `make the $ref ${JSON.stringify(
              response.unresolvable,
            )} of the ${status} response of ${label} resolve inside the document`,
          );
      } else if (isJsonObject(response.value)) {
        for (const { schema } of responseBodies(document, response.value)) {
          const problems = errorsInBody(schema, document.schemas);
          evidence.push(
            ...problems.map(problem =>
              'unresolvable' in problem
                ? unresolvableRefEvidence(label, problem.unresolvable)
                : `${label}: ${status} response body has property ${problem.property}`,
            ),
          );
          const properties = problems.flatMap(p =>
            'property' in p ? [p.property] : [],
          );
          const broken = problems.flatMap(p =>
            'unresolvable' in p ? [JSON.stringify(p.unresolvable)] : [],
          );
          if (properties.length > 0) {
            fix
              .fail(pointer)
              .manual(
                `remove ${properties.join(
                  ', ',
                )} from the ${status} body of ${label} and answer failures with a 4XX/5XX status instead`,
              );
          }
          if (broken.length > 0) {
            fix
              .fail(pointer)
              .manual(
                `make ${broken.join(
                  ', ',
                )} in the ${status} body of ${label} resolve inside the document`,
              );
          }
        }
      }
    }
  }
  return fix.check(
    evidence,
    'operations without an error status, or with an error in a 2XX body',
    'Report errors with HTTP status codes',
  );
}

/**
 * The error an operation answers first: 404 when it addresses a resource by a path parameter,
 * 400 when it takes a request body, else 500.
 */
function errorStatusFor(
  method: string,
  path: string,
): keyof typeof ERROR_DESCRIPTIONS {
  if (/\{[^}]+\}/.test(path)) return '404';
  if (method === 'post' || method === 'put' || method === 'patch') return '400';
  return '500';
}

/** The top-level properties of a success body that report an error, e.g. `"ok" (boolean)`. */
function errorsInBody(
  schema: unknown,
  schemas: SchemaProperties,
): Array<{ property: string } | { unresolvable: string }> {
  const merged = schemas.of(schema);
  const problems: Array<{ property: string } | { unresolvable: string }> =
    merged.unresolvable.map(ref => ({ unresolvable: ref }));
  for (const [name, propertySchemas] of merged.properties) {
    if (ERROR_PROPERTIES.has(name)) {
      problems.push({ property: `"${name}"` });
    } else if (FLAG_PROPERTIES.has(name)) {
      for (const propertySchema of propertySchemas) {
        const boolean = schemas.hasType(propertySchema, 'boolean');
        problems.push(
          ...boolean.unresolvable.map(ref => ({ unresolvable: ref })),
        );
        if (boolean.found) {
          problems.push({ property: `"${name}" (boolean)` });
        }
      }
    }
  }
  return problems;
}
