/** The services a caller may read: all of them, or exactly these (full, lower-case) refs. */
export type ReadableRefs = 'all' | ReadonlySet<string>;

/** Whether a service is among the readable ones. */
export function isReadable(readable: ReadableRefs, entityRef: string): boolean {
  return readable === 'all' || readable.has(entityRef);
}
