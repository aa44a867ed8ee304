import { DefinitionCheck } from '../../apis/DefinitionCheck';
import { fragmentAt, jsonPointer } from '../../apis/documentFragment';
import { valueAt } from '../../apis/valueAt';
import { isJsonObject, JsonObject } from '../../apis/jsonValues';
import {
  LocalRefResolver,
  unresolvableRefEvidence,
} from '../../apis/LocalRefResolver';
import { OpenApiDocument } from '../../apis/OpenApiDocument';
import { DefinitionFixBuilder } from './DefinitionFixBuilder';

/**
 * The standard-headers check: every operation accepts the correlation header, declared as a header
 * parameter of the operation or of its path item (possibly through a local `$ref`); header names
 * compare case-insensitively, as HTTP does. A broken `$ref` only fails the operation when the
 * header is not found elsewhere.
 *
 * The fix declares the header once as a component parameter (or reuses one that declares it)
 * and adds a `$ref` to it to the parameters of each failing operation's path item (the
 * operation's own, when the path item is itself a `$ref`), keeping the parameters there.
 */
export function checkStandardHeaders(
  document: OpenApiDocument,
  correlationHeader: string,
): DefinitionCheck {
  const wanted = correlationHeader.toLowerCase();
  const evidence = [...document.unresolvablePathItems];
  const fix = new DefinitionFixBuilder().brokenPathItems(document);
  const component = headerComponent(document, correlationHeader);
  for (const op of document.operations) {
    const { label, operation, pathItem } = op;
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
      const ownPathItem =
        LocalRefResolver.refOf(valueAt(document.root, ['paths', op.path])) ===
        undefined;
      const at = ownPathItem ? ['paths', op.path] : op.tokens;
      const current = listOf(valueAt(document.root, [...at, 'parameters']));
      fix
        .fail(op.pointer)
        .edit(
          `accept ${correlationHeader} on ${
            ownPathItem ? `every operation of ${op.path}` : label
          }`,
          fragmentAt(
            [...at, 'parameters'],
            [...current, { $ref: component.ref }],
          ),
        );
      if (component.declaration) {
        fix.edit(
          `declare the header parameter ${component.name}`,
          component.declaration,
        );
      }
      evidence.push(
        ...(unresolvable.length > 0
          ? unresolvable.map(ref => unresolvableRefEvidence(label, ref))
          : [`${label}: does not accept the header ${correlationHeader}`]),
      );
    }
  }
  return fix.check(
    evidence,
    `operations that do not accept the header ${correlationHeader}`,
    `Accept the correlation header ${correlationHeader}`,
  );
}

/**
 * The component parameter the fix refers to: one the document already declares for the header
 * (case-insensitive), else a new one named after it, with the fragment that declares it.
 */
function headerComponent(
  document: OpenApiDocument,
  header: string,
): { name: string; ref: string; declaration?: JsonObject } {
  const at =
    document.version === '2.0' ? ['parameters'] : ['components', 'parameters'];
  const declared = valueAt(document.root, at);
  const parameters = isJsonObject(declared) ? declared : {};
  const existing = Object.keys(parameters).find(key => {
    const value = parameters[key];
    return (
      isJsonObject(value) &&
      value.in === 'header' &&
      typeof value.name === 'string' &&
      value.name.toLowerCase() === header.toLowerCase()
    );
  });
  const base = header.replace(/[^A-Za-z0-9]/g, '') || 'CorrelationHeader';
  let name = existing ?? base;
  const taken = (key: string) =>
    Object.prototype.hasOwnProperty.call(parameters, key);
  for (let i = 2; !existing && taken(name); i++) name = `${base}${i}`;
  const ref = `#${jsonPointer([...at, name])}`;
  if (existing) return { name, ref };
  const definition =
    document.version === '2.0'
      ? { name: header, in: 'header', type: 'string' }
      : { name: header, in: 'header', schema: { type: 'string' } };
  return {
    name,
    ref,
    declaration: fragmentAt([...at, name], definition) as JsonObject,
  };
}

function listOf(value: unknown): unknown[] {
  return Array.isArray(value) ? value : [];
}
