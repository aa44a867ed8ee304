import { valueAt } from './valueAt';
import { isJsonObject } from './jsonValues';
import { WorkBudget } from './WorkBudget';

/** The outcome of following `$ref`s: the value reached, or the `$ref` that could not be followed. */
export type Dereferenced =
  | { value: unknown; unresolvable?: undefined }
  | { value?: undefined; unresolvable: string };

const UNRESOLVED = Symbol('unresolved');

/** The evidence line for a `$ref` a rule needed to follow, e.g. `GET /x: unresolvable $ref "..."`. */
export function unresolvableRefEvidence(subject: string, ref: string): string {
  return `${subject}: unresolvable $ref ${JSON.stringify(ref)}`;
}

/**
 * Resolves `$ref`s inside one parsed document, and nowhere else.
 *
 * Only same-document references (`#` followed by a JSON pointer) resolve. Remote (`http...`),
 * file and relative references are never fetched, on purpose: evaluating a definition must not
 * touch the network or the file system (it would let a definition probe internal hosts or read
 * local files). Anchors (`#name`), missing pointers and reference cycles are unresolvable too.
 */
export class LocalRefResolver {
  private readonly targets = new Map<string, unknown>();

  constructor(
    private readonly root: unknown,
    private readonly budget: WorkBudget = WorkBudget.unlimited(),
  ) {}

  /** The `$ref` of a Reference Object, if the value is one. */
  static refOf(value: unknown): string | undefined {
    return isJsonObject(value) && typeof value.$ref === 'string'
      ? value.$ref
      : undefined;
  }

  /** Follows one `$ref`. */
  resolve(ref: string): Dereferenced {
    const target = this.target(ref);
    return target === UNRESOLVED ? { unresolvable: ref } : { value: target };
  }

  /** Follows a chain of `$ref`s until a value that is not a reference. */
  deref(value: unknown): Dereferenced {
    let current = value;
    const seen = new Set<string>();
    for (let ref = LocalRefResolver.refOf(current); ref !== undefined; ) {
      if (seen.has(ref)) {
        return { unresolvable: ref };
      }
      seen.add(ref);
      this.budget.spend(1);
      const target = this.target(ref);
      if (target === UNRESOLVED) {
        return { unresolvable: ref };
      }
      current = target;
      ref = LocalRefResolver.refOf(current);
    }
    return { value: current };
  }

  /**
   * The pointer tokens of a local `$ref` (percent-decoded, then `~1` and `~0` unescaped per
   * RFC 6901), or undefined when it is not a same-document JSON pointer.
   */
  static pointerTokens(ref: string): string[] | undefined {
    if (!ref.startsWith('#')) {
      return undefined;
    }
    let pointer: string;
    try {
      pointer = decodeURIComponent(ref.slice(1));
    } catch {
      return undefined;
    }
    if (pointer === '') {
      return [];
    }
    if (!pointer.startsWith('/')) {
      return undefined;
    }
    return pointer
      .slice(1)
      .split('/')
      .map(token => token.replace(/~1/g, '/').replace(/~0/g, '~'));
  }

  private target(ref: string): unknown {
    if (!this.targets.has(ref)) {
      this.targets.set(ref, this.lookup(ref));
    }
    return this.targets.get(ref);
  }

  /**
   * Walks the pointer through own properties only. (A generic pointer library such as
   * `jsonpointer` follows inherited properties, so `#/constructor` would "resolve" to a
   * JavaScript function.)
   */
  private lookup(ref: string): unknown {
    const tokens = LocalRefResolver.pointerTokens(ref);
    if (tokens === undefined) {
      return UNRESOLVED;
    }
    this.budget.spend(tokens.length + 1);
    const value = valueAt(this.root, tokens);
    return value === undefined ? UNRESOLVED : value;
  }
}
