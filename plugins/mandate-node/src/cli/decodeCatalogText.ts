import { isUtf8 } from 'node:buffer';

/** A catalog file's text, or why it is not text, and the (1-based) line where that shows. */
export type DecodedCatalogText =
  | { text: string }
  | { problem: 'binary' | 'not UTF-8'; line: number };

const NEWLINE = 0x0a;
const NUL = 0x00;

/**
 * Decodes a catalog file as Backstage's catalog does (UTF-8), but refuses instead of reading
 * replacement characters: a binary file or one in another encoding is not YAML. The line is
 * found by checking line by line, which is exact because a newline byte never occurs inside a
 * multi-byte UTF-8 sequence.
 */
export function decodeCatalogText(bytes: Buffer): DecodedCatalogText {
  const nul = bytes.indexOf(NUL);
  if (nul >= 0) return { problem: 'binary', line: lineAt(bytes, nul) };
  if (isUtf8(bytes)) return { text: bytes.toString('utf8') };
  let start = 0;
  for (let line = 1; ; line++) {
    const end = bytes.indexOf(NEWLINE, start);
    const slice = bytes.subarray(start, end < 0 ? bytes.length : end);
    if (!isUtf8(slice) || end < 0) return { problem: 'not UTF-8', line };
    start = end + 1;
  }
}

function lineAt(bytes: Buffer, offset: number): number {
  let line = 1;
  for (let i = bytes.indexOf(NEWLINE); i >= 0 && i < offset; ) {
    line++;
    i = bytes.indexOf(NEWLINE, i + 1);
  }
  return line;
}
