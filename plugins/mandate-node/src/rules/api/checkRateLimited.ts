import { DefinitionCheck } from '../../apis/DefinitionCheck';
import { fragmentAt } from '../../apis/documentFragment';
import { OpenApiDocument } from '../../apis/OpenApiDocument';
import { DefinitionFixBuilder } from './DefinitionFixBuilder';
import { problemResponse } from './problemResponse';

/** The component schema the proposed 429 responses refer to (added when missing). */
const ERROR_SCHEMA = 'Problem';

/**
 * The rate-limited check, definition side: every operation documents the exact response key `429`
 * (a `4XX` wildcard does not say the API has quotas). The `mandate.dev/rate-limit` annotation,
 * which also satisfies the rule, is the caller's business.
 *
 * The fix documents a 429 with a `Retry-After` header and a problem-details body (an error
 * response without the shared error body would fail `api.error-schema`).
 */
export function checkRateLimited(document: OpenApiDocument): DefinitionCheck {
  const evidence = [...document.unresolvablePathItems];
  const fix = new DefinitionFixBuilder().brokenPathItems(document);
  const retryAfter =
    document.version === '2.0'
      ? { type: 'integer', description: 'Seconds to wait before retrying' }
      : {
          description: 'Seconds to wait before retrying',
          schema: { type: 'integer' },
        };
  const { response, declaration } = problemResponse(
    document,
    'Too many requests: the quota of the caller is used up',
    ERROR_SCHEMA,
    { headers: { 'Retry-After': retryAfter } },
  );
  for (const { label, operation, tokens, pointer } of document.operations) {
    const responses = OpenApiDocument.responsesOf(operation);
    if (!Object.prototype.hasOwnProperty.call(responses, '429')) {
      evidence.push(`${label}: no 429 response`);
      fix
        .fail(pointer)
        .edit(
          `document the 429 response of ${label}`,
          fragmentAt([...tokens, 'responses', '429'], response),
        );
      if (declaration) {
        fix.edit(`declare the schema ${ERROR_SCHEMA}`, declaration);
      }
    }
  }
  return fix.check(
    evidence,
    'operations without a 429 response',
    'Document the quota (or declare it on the API entity with the mandate.dev/rate-limit annotation)',
  );
}
