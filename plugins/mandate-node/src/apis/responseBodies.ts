import { isJsonObject, JsonObject } from './jsonValues';
import { OpenApiDocument } from './OpenApiDocument';

/** The body schemas of one (dereferenced) response, keyed by media type (`''` in 2.0). */
export type ResponseBodies = Array<{ mediaType: string; schema: unknown }>;

/**
 * The body schemas a response declares: every media type of `content` in 3.x, the single
 * `schema` in 2.0 (whose media types live in `produces`, outside the response).
 */
export function responseBodies(
  document: OpenApiDocument,
  response: JsonObject,
): ResponseBodies {
  if (document.version === '2.0') {
    return response.schema === undefined
      ? []
      : [{ mediaType: '', schema: response.schema }];
  }
  const content = isJsonObject(response.content) ? response.content : {};
  return Object.entries(content).map(([mediaType, media]) => ({
    mediaType,
    schema: isJsonObject(media) ? media.schema : undefined,
  }));
}
