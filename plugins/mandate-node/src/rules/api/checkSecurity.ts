import { checkFromEvidence, DefinitionCheck } from '../../apis/DefinitionCheck';
import { isJsonObject } from '../../apis/jsonValues';
import { OpenApiDocument } from '../../apis/OpenApiDocument';

/**
 * The security check: the document declares a security scheme and every operation is covered by a
 * non-empty security requirement. The effective requirement is the operation's own `security`
 * when present (so `security: []` removes coverage), else the global one. Every alternative must
 * name a scheme: an empty object `{}` lets anonymous callers in, so `[{}, {oauth: []}]` is not
 * covered. Whether the named schemes are declared is left to spec validators.
 */
export function checkSecurity(document: OpenApiDocument): DefinitionCheck {
  const evidence: string[] = [];
  const { root } = document;
  const components = isJsonObject(root.components) ? root.components : {};
  const schemes =
    document.version === '2.0'
      ? root.securityDefinitions
      : components.securitySchemes;
  if (!isJsonObject(schemes) || Object.keys(schemes).length === 0) {
    evidence.push(
      document.version === '2.0'
        ? 'no security scheme declared (securityDefinitions)'
        : 'no security scheme declared (components.securitySchemes)',
    );
  }
  evidence.push(...document.unresolvablePathItems);
  for (const { label, operation } of document.operations) {
    const own = Object.prototype.hasOwnProperty.call(operation, 'security');
    const requirement = own ? operation.security : root.security;
    if (!Array.isArray(requirement) || requirement.length === 0) {
      evidence.push(
        own
          ? `${label}: its own security is empty, which removes coverage`
          : `${label}: no security requirement`,
      );
    } else if (
      !requirement.every(
        entry => isJsonObject(entry) && Object.keys(entry).length > 0,
      )
    ) {
      evidence.push(
        `${label}: a security requirement names no scheme (allows anonymous access)`,
      );
    }
  }
  return checkFromEvidence(
    evidence,
    'operations not covered by a security requirement',
  );
}
