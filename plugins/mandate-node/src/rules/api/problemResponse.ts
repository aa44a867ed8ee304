import { isJsonObject, JsonObject } from '../../apis/jsonValues';
import { OpenApiDocument } from '../../apis/OpenApiDocument';

/** RFC 9457 problem details: what the fixes declare when the document has no error schema. */
const PROBLEM_SCHEMA = {
  type: 'object',
  properties: {
    type: { type: 'string' },
    title: { type: 'string' },
    status: { type: 'integer' },
    detail: { type: 'string' },
  },
};

/**
 * An error response as the fixes write it: `application/problem+json` (3.x) or the schema
 * (2.0) referring to the component schema `schemaName`, and the fragment that declares that
 * schema when the document lacks it (undefined when it exists).
 */
export function problemResponse(
  document: OpenApiDocument,
  description: string,
  schemaName: string,
  extra: JsonObject = {},
): { response: JsonObject; declaration?: JsonObject } {
  const { root } = document;
  if (document.version === '2.0') {
    const definitions = isJsonObject(root.definitions) ? root.definitions : {};
    return {
      response: {
        description,
        schema: { $ref: `#/definitions/${escapeToken(schemaName)}` },
        ...extra,
      },
      ...(Object.prototype.hasOwnProperty.call(definitions, schemaName)
        ? {}
        : { declaration: { definitions: { [schemaName]: PROBLEM_SCHEMA } } }),
    };
  }
  const components = isJsonObject(root.components) ? root.components : {};
  const schemas = isJsonObject(components.schemas) ? components.schemas : {};
  return {
    response: {
      description,
      content: {
        'application/problem+json': {
          schema: { $ref: `#/components/schemas/${escapeToken(schemaName)}` },
        },
      },
      ...extra,
    },
    ...(Object.prototype.hasOwnProperty.call(schemas, schemaName)
      ? {}
      : {
          declaration: {
            components: { schemas: { [schemaName]: PROBLEM_SCHEMA } },
          },
        }),
  };
}

function escapeToken(token: string): string {
  return token.replace(/~/g, '~0').replace(/\//g, '~1');
}
