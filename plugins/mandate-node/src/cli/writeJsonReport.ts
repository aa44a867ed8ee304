/** Bytes per write: large enough that writes are few, small enough that no report is held whole. */
const CHUNK_CHARS = 1 << 20;

/** Entities per JSON.stringify call. */
const ENTITIES_PER_PART = 256;

// JSON.stringify({ e: [...] }, null, 2) writes its items at the very indentation the report's
// entities have; what is between these is `\n    item,\n    item`.
const PART_HEAD = '{\n  "e": [';
const PART_TAIL = '\n  ]\n}';

/**
 * Writes `JSON.stringify(output, null, 2)` and a newline, byte for byte, but one entity at a
 * time: the report of 100,000 services is larger than the longest string V8 can build, and at
 * 10,000 the one string and its UTF-8 copy were a fifth of the CLI's peak memory. `entities`
 * may also be a lazy sequence (a generator), written as the array it yields, so that reports
 * can be written as they are made. Only the top level is walked here (its `entities` one by
 * one); everything else is JSON.stringify's own.
 */
export function writeJsonReport(
  output: object,
  write: (text: string) => void,
): void {
  let buffer = '';
  const emit = (text: string) => {
    buffer += text;
    if (buffer.length >= CHUNK_CHARS) {
      write(buffer);
      buffer = '';
    }
  };
  // JSON.stringify drops these members of an object.
  const members = Object.entries(output).filter(
    ([, value]) =>
      value !== undefined &&
      typeof value !== 'function' &&
      typeof value !== 'symbol',
  );
  if (members.length === 0) {
    write(`${JSON.stringify(output, null, 2)}\n`);
    return;
  }
  emit('{');
  members.forEach(([key, value], index) => {
    emit(`${index === 0 ? '' : ','}\n  ${JSON.stringify(key)}: `);
    if (key === 'entities' && isIterable(value)) {
      let written = 0;
      for (const part of partsOf(value)) {
        const text = JSON.stringify({ e: part }, null, 2);
        emit(
          `${written === 0 ? '[' : ','}${text.slice(
            PART_HEAD.length,
            text.length - PART_TAIL.length,
          )}`,
        );
        written += part.length;
      }
      emit(written === 0 ? '[]' : '\n  ]');
    } else {
      emit(nested(value, '  '));
    }
  });
  emit('\n}\n');
  write(buffer);
}

/** An array, or a lazy sequence (a generator) that JSON.stringify could not write at all. */
function isIterable(value: unknown): value is Iterable<unknown> {
  return (
    Array.isArray(value) ||
    (typeof value === 'object' &&
      value !== null &&
      typeof (value as any)[Symbol.iterator] === 'function')
  );
}

function* partsOf(items: Iterable<unknown>): Generator<unknown[]> {
  let part: unknown[] = [];
  for (const item of items) {
    part.push(item);
    if (part.length === ENTITIES_PER_PART) {
      yield part;
      part = [];
    }
  }
  if (part.length > 0) yield part;
}

/** A value as JSON.stringify(…, null, 2) writes it inside a parent at `indent`. */
function nested(value: unknown, indent: string): string {
  // An array item JSON.stringify cannot write is null; string values never hold a raw line
  // break, so every line break is one of the layout's.
  return (JSON.stringify(value, null, 2) ?? 'null').replace(
    /\n/g,
    `\n${indent}`,
  );
}
