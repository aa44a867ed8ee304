/** Marks a key deleted in the delta, so that one lookup per layer answers a `get`. */
const DELETED = Symbol('deleted');

/** A delta larger than this (and than 1/8 of the base) is folded into a new base. */
const MIN_FOLD = 1024;

/**
 * A map that derives cheaply, in two layers: a large base shared by every map derived from it,
 * and a small delta of the keys changed since that base. Deriving copies only the delta, so a
 * snapshot after one change costs a few map entries instead of copying 50,000; when the delta
 * grows past an eighth of the base it is folded into a new base (amortised O(1) per change).
 * A lookup is at most two `Map.get`s.
 */
export class LayeredMap<V> {
  readonly #base: ReadonlyMap<string, V>;
  readonly #delta: Map<string, V | typeof DELETED>;

  constructor(parent?: LayeredMap<V>) {
    if (!parent) {
      this.#base = new Map();
      this.#delta = new Map();
    } else if (parent.#delta.size > Math.max(MIN_FOLD, parent.#base.size / 8)) {
      this.#base = parent.#fold();
      this.#delta = new Map();
    } else {
      this.#base = parent.#base;
      this.#delta = new Map(parent.#delta);
    }
  }

  get(key: string): V | undefined {
    const changed = this.#delta.get(key);
    if (changed !== undefined) return changed === DELETED ? undefined : changed;
    return this.#base.get(key);
  }

  /** Only while the owner is being built; `undefined` deletes the key. */
  set(key: string, value: V | undefined): void {
    this.#delta.set(key, value === undefined ? DELETED : value);
  }

  #fold(): Map<string, V> {
    const folded = new Map(this.#base);
    for (const [key, value] of this.#delta) {
      if (value === DELETED) folded.delete(key);
      else folded.set(key, value);
    }
    return folded;
  }
}
