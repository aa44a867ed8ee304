/** Where a ref was written: its field decides the default kind, the entity the namespace. */
export interface RefDefaults {
  /** The kind a ref without one takes, e.g. `group` for `spec.owner`. */
  defaultKind: string;
  /** The referring entity's namespace. */
  defaultNamespace: string;
}

/**
 * Normalises a Backstage entity ref (`[kind:][namespace/]name`) to the lower-case full form
 * `kind:namespace/name`, or returns undefined when the string is not a ref at all.
 *
 * Backstage's own parser accepts `a:b:c` (kind `a`, name `b:c`) and only rejects it later at
 * lookup; the rulebook says such a string does not resolve, so we reject it here and every
 * rule sees one answer.
 *
 * @public
 */
export function parseRef(
  value: unknown,
  defaults: RefDefaults,
): string | undefined {
  if (typeof value !== 'string') return undefined;
  const text = value.trim();
  if (!text) return undefined;

  const colon = text.indexOf(':');
  const slash = text.indexOf('/');
  if (colon !== -1 && slash !== -1 && slash < colon) return undefined;

  const kind = colon === -1 ? defaults.defaultKind : text.slice(0, colon);
  const rest = colon === -1 ? text : text.slice(colon + 1);
  const restSlash = rest.indexOf('/');
  const namespace =
    restSlash === -1 ? defaults.defaultNamespace : rest.slice(0, restSlash);
  const name = restSlash === -1 ? rest : rest.slice(restSlash + 1);

  if (!isRefPart(kind) || !isRefPart(namespace) || !isRefPart(name)) {
    return undefined;
  }
  return `${kind}:${namespace}/${name}`.toLowerCase();
}

function isRefPart(part: string): boolean {
  return part.length > 0 && !/[:/\s]/.test(part);
}
