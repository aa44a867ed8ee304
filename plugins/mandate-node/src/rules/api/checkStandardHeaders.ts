import { checkFromEvidence, DefinitionCheck } from '../../apis/DefinitionCheck';
import { isJsonObject } from '../../apis/jsonValues';
import { unresolvableRefEvidence } from '../../apis/LocalRefResolver';
import { OpenApiDocument } from '../../apis/OpenApiDocument';

/**
 * The standard-headers check: every operation accepts the correlation header, declared as a header
 * parameter of the operation or of its path item (possibly through a local `$ref`); header names
 * compare case-insensitively, as HTTP does. A broken `$ref` only fails the operation when the
 * header is not found elsewhere.
 */
export function checkStandardHeaders(
  document: OpenApiDocument,
  correlationHeader: string,
): DefinitionCheck {
  const wanted = correlationHeader.toLowerCase();
  const evidence = [...document.unresolvablePathItems];
  for (const { label, operation, pathItem } of document.operations) {
    const parameters = [
      ...listOf(pathItem.parameters),
      ...listOf(operation.parameters),
    ];
    const unresolvable: string[] = [];
    const accepted = parameters.some(parameter => {
      const resolved = document.refs.deref(parameter);
      if (resolved.unresolvable !== undefined) {
        unresolvable.push(resolved.unresolvable);
        return false;
      }
      const value = resolved.value;
      return (
        isJsonObject(value) &&
        value.in === 'header' &&
        typeof value.name === 'string' &&
        value.name.toLowerCase() === wanted
      );
    });
    if (!accepted) {
      evidence.push(
        ...(unresolvable.length > 0
          ? unresolvable.map(ref => unresolvableRefEvidence(label, ref))
          : [`${label}: does not accept the header ${correlationHeader}`]),
      );
    }
  }
  return checkFromEvidence(
    evidence,
    `operations that do not accept the header ${correlationHeader}`,
  );
}

function listOf(value: unknown): unknown[] {
  return Array.isArray(value) ? value : [];
}
