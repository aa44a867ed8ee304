/** A bounded map that forgets the least recently used entry first. */
export class LruCache<K, V> {
  // A Map iterates in insertion order, so re-inserting on access keeps the oldest entry first.
  private readonly entries = new Map<K, V>();

  constructor(private capacity: number) {}

  /** Holds at least `capacity` entries from now on (it never shrinks). */
  reserve(capacity: number): void {
    this.capacity = Math.max(this.capacity, capacity);
  }

  get(key: K): V | undefined {
    const value = this.entries.get(key);
    if (value !== undefined) {
      this.entries.delete(key);
      this.entries.set(key, value);
    }
    return value;
  }

  set(key: K, value: V): void {
    this.entries.delete(key);
    this.entries.set(key, value);
    if (this.entries.size > this.capacity) {
      this.entries.delete(this.entries.keys().next().value as K);
    }
  }

  get size(): number {
    return this.entries.size;
  }
}
