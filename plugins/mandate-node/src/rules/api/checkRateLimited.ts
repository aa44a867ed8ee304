import { checkFromEvidence, DefinitionCheck } from '../../apis/DefinitionCheck';
import { OpenApiDocument } from '../../apis/OpenApiDocument';

/**
 * The rate-limited check, definition side: every operation documents the exact response key `429`
 * (a `4XX` wildcard does not say the API has quotas). The `mandate.dev/rate-limit` annotation,
 * which also satisfies the rule, is the caller's business.
 */
export function checkRateLimited(document: OpenApiDocument): DefinitionCheck {
  const evidence = [...document.unresolvablePathItems];
  for (const { label, operation } of document.operations) {
    const responses = OpenApiDocument.responsesOf(operation);
    if (!Object.prototype.hasOwnProperty.call(responses, '429')) {
      evidence.push(`${label}: no 429 response`);
    }
  }
  return checkFromEvidence(evidence, 'operations without a 429 response');
}
