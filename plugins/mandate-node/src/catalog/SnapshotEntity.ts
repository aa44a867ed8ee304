import { Entity } from '@backstage/catalog-model';
import { parseRef } from './parseRef';
import {
  DefinitionSource,
  RunbookDocument,
  SnapshotInput,
} from './SnapshotInput';
import { splitList } from './splitList';
import { toList } from './toList';

/** A ref as written, and its normalised form when it is a ref at all. @public */
export interface RefLink {
  raw: string;
  /** Lower-case `kind:namespace/name`; undefined when the value is not a ref (e.g. `a:b:c`). */
  ref?: string;
}

/**
 * An entity as the rules read it: refs normalised, lists coerced, empty annotations dropped.
 * Built once, then shared by every snapshot derived with `withChanges` while it is unchanged.
 *
 * @public
 */
export interface SnapshotEntity {
  ref: string;
  /** Lower-case kind: kinds compare case-insensitively. */
  kind: string;
  namespace: string;
  name: string;
  entity: Entity;
  /** `spec.type` when it is a string; compared exactly. */
  type?: string;
  /** The normalised `spec.owner`, whether or not it resolves. */
  owner?: string;
  dependsOn: RefLink[];
  providesApis: RefLink[];
  consumesApis: RefLink[];
  /** `Group.spec.members` (users). */
  members: RefLink[];
  /** `User.spec.memberOf` (groups). */
  memberOf: RefLink[];
  /** Normalised refs of `mandate.dev/soft-dependencies`. */
  softDependencies: ReadonlySet<string>;
  /** Annotations that are set, i.e. not empty or whitespace-only. */
  annotations: Readonly<Record<string, string>>;
  /** The normalised `mandate.dev/on-call` ref (default kind group), whether or not it resolves. */
  onCall?: string;
  source?: string;
  sourceLine?: number;
  runbook?: RunbookDocument;
  definitionReadError?: string;
  definitionSource?: DefinitionSource;
}

const DEFAULT_NAMESPACE = 'default';
// Shared empty values: most entities have no members, memberships or soft dependencies.
const NO_LINKS = Object.freeze([]) as unknown as RefLink[];
const NO_REFS: ReadonlySet<string> = new Set();

/** Reads one entity; undefined when it lacks a string kind and metadata.name. */
export function toSnapshotEntity(
  input: SnapshotInput,
): SnapshotEntity | undefined {
  const { entity } = input;
  const metadata = (entity?.metadata ?? {}) as Entity['metadata'];
  if (typeof entity?.kind !== 'string' || typeof metadata.name !== 'string') {
    return undefined;
  }
  const namespace =
    typeof metadata.namespace === 'string' && metadata.namespace.trim()
      ? metadata.namespace.trim().toLowerCase()
      : DEFAULT_NAMESPACE;
  const kind = entity.kind.toLowerCase();
  const name = metadata.name.toLowerCase();
  const spec = (
    entity.spec && typeof entity.spec === 'object' ? entity.spec : {}
  ) as Record<string, unknown>;

  const links = (value: unknown, defaultKind: string): RefLink[] => {
    if (value === undefined || value === null) return NO_LINKS;
    return toList(value).map(item => ({
      raw: typeof item === 'string' ? item : JSON.stringify(item),
      ref: parseRef(item, { defaultKind, defaultNamespace: namespace }),
    }));
  };

  const annotations: Record<string, string> = {};
  const rawAnnotations = metadata.annotations ?? {};
  for (const [key, value] of Object.entries(rawAnnotations)) {
    // An empty or whitespace-only annotation counts as not set (rulebook section 5).
    if (typeof value === 'string' && value.trim() !== '')
      annotations[key] = value;
  }

  let softDependencies: ReadonlySet<string> = NO_REFS;
  const softValue = annotations['mandate.dev/soft-dependencies'];
  if (softValue !== undefined) {
    const refs = new Set<string>();
    for (const item of splitList(softValue)) {
      const ref = parseRef(item, {
        defaultKind: 'component',
        defaultNamespace: namespace,
      });
      if (ref) refs.add(ref);
    }
    softDependencies = refs;
  }

  return {
    ref: `${kind}:${namespace}/${name}`,
    onCall: parseRef(annotations['mandate.dev/on-call'], {
      defaultKind: 'group',
      defaultNamespace: namespace,
    }),
    kind,
    namespace,
    name,
    entity,
    type: typeof spec.type === 'string' ? spec.type : undefined,
    owner: parseRef(spec.owner, {
      defaultKind: 'group',
      defaultNamespace: namespace,
    }),
    dependsOn: links(spec.dependsOn, 'component'),
    providesApis: links(spec.providesApis, 'api'),
    consumesApis: links(spec.consumesApis, 'api'),
    members: kind === 'group' ? links(spec.members, 'user') : NO_LINKS,
    memberOf: kind === 'user' ? links(spec.memberOf, 'group') : NO_LINKS,
    softDependencies,
    annotations,
    source: input.source,
    sourceLine: input.sourceLine,
    runbook: input.runbook,
    definitionReadError: input.definitionReadError,
    definitionSource: input.definitionSource,
  };
}
