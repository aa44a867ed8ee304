import { checkFromEvidence, DefinitionCheck } from '../../apis/DefinitionCheck';
import { isJsonObject } from '../../apis/jsonValues';
import { unresolvableRefEvidence } from '../../apis/LocalRefResolver';
import { OpenApiDocument } from '../../apis/OpenApiDocument';
import { responseBodies } from '../../apis/responseBodies';
import { SchemaProperties } from '../../apis/SchemaProperties';
import { isErrorResponseKey, isSuccessStatus } from '../../apis/statusCodes';

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

/**
 * The http-status-errors check: errors are reported with real status codes. Each operation documents
 * a 4XX/5XX (or `default`) response - merely having the key counts, even when its `$ref` is
 * broken - and no 2XX body carries an error ("200 with an error in the body").
 */
export function checkHttpStatusErrors(
  document: OpenApiDocument,
): DefinitionCheck {
  const evidence = [...document.unresolvablePathItems];
  for (const { label, operation } of document.operations) {
    const responses = OpenApiDocument.responsesOf(operation);
    const keys = Object.keys(responses);
    if (!keys.some(isErrorResponseKey)) {
      evidence.push(`${label}: no 4XX/5XX or default response`);
    }
    for (const status of keys.filter(isSuccessStatus)) {
      const response = document.refs.deref(responses[status]);
      if (response.unresolvable !== undefined) {
        evidence.push(unresolvableRefEvidence(label, response.unresolvable));
      } else if (isJsonObject(response.value)) {
        for (const { schema } of responseBodies(document, response.value)) {
          evidence.push(
            ...errorsInBody(schema, document.schemas).map(problem =>
              'unresolvable' in problem
                ? unresolvableRefEvidence(label, problem.unresolvable)
                : `${label}: ${status} response body has property ${problem.property}`,
            ),
          );
        }
      }
    }
  }
  return checkFromEvidence(
    evidence,
    'operations without an error status, or with an error in a 2XX body',
  );
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
