import { DefinitionCheck } from '../../apis/DefinitionCheck';
import { fragmentAt, jsonPointer } from '../../apis/documentFragment';
import { isJsonObject } from '../../apis/jsonValues';
import { OpenApiDocument } from '../../apis/OpenApiDocument';
import { DefinitionFixBuilder } from './DefinitionFixBuilder';

/** The scheme the fix declares when the document has none. */
const NEW_SCHEME = {
  '3': { name: 'bearerAuth', definition: { type: 'http', scheme: 'bearer' } },
  '2.0': {
    name: 'apiKey',
    definition: { type: 'apiKey', name: 'Authorization', in: 'header' },
  },
} as const;

/**
 * The security check: the document declares a security scheme and every operation is covered by a
 * non-empty security requirement. The effective requirement is the operation's own `security`
 * when present (so `security: []` removes coverage), else the global one. Every alternative must
 * name a scheme: an empty object `{}` lets anonymous callers in, so `[{}, {oauth: []}]` is not
 * covered. Whether the named schemes are declared is left to spec validators.
 *
 * The fix requires the first declared scheme (or declares a bearer scheme, 2.0: an API key in
 * the Authorization header): on an operation whose own `security` is empty, there; otherwise
 * globally. Alternatives that name no scheme are dropped.
 */
export function checkSecurity(document: OpenApiDocument): DefinitionCheck {
  const evidence: string[] = [];
  const fix = new DefinitionFixBuilder();
  const { root } = document;
  const components = isJsonObject(root.components) ? root.components : {};
  const schemesAt =
    document.version === '2.0'
      ? ['securityDefinitions']
      : ['components', 'securitySchemes'];
  const schemes =
    document.version === '2.0'
      ? root.securityDefinitions
      : components.securitySchemes;
  const declared = isJsonObject(schemes) ? Object.keys(schemes) : [];
  const scheme = declared[0] ?? NEW_SCHEME[document.version].name;
  const requirement = [{ [scheme]: [] }];
  if (declared.length === 0) {
    evidence.push(
      document.version === '2.0'
        ? 'no security scheme declared (securityDefinitions)'
        : 'no security scheme declared (components.securitySchemes)',
    );
    fix
      .fail(jsonPointer(schemesAt))
      .edit(
        `declare the security scheme ${scheme}`,
        fragmentAt(
          [...schemesAt, scheme],
          NEW_SCHEME[document.version].definition,
        ),
      );
  }
  evidence.push(...document.unresolvablePathItems);
  fix.brokenPathItems(document);
  for (const { label, operation, tokens, pointer } of document.operations) {
    const own = Object.prototype.hasOwnProperty.call(operation, 'security');
    const current = own ? operation.security : root.security;
    const at = own ? [...tokens, 'security'] : ['security'];
    const where = own ? label : 'the document (for every operation)';
    if (!Array.isArray(current) || current.length === 0) {
      evidence.push(
        own
          ? `${label}: its own security is empty, which removes coverage`
          : `${label}: no security requirement`,
      );
      fix
        .fail(pointer)
        .edit(`require ${scheme} on ${where}`, fragmentAt(at, requirement));
    } else if (!current.every(names)) {
      evidence.push(
        `${label}: a security requirement names no scheme (allows anonymous access)`,
      );
      const kept = current.filter(names);
      fix
        .fail(pointer)
        .edit(
          `drop the anonymous alternative {} on ${where}`,
          fragmentAt(at, kept.length > 0 ? kept : requirement),
        );
    }
  }
  return fix.check(
    evidence,
    'operations not covered by a security requirement',
    'Require authentication on every operation',
  );
}

function names(entry: unknown): boolean {
  return isJsonObject(entry) && Object.keys(entry).length > 0;
}
