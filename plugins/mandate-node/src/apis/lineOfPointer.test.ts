import fs from 'node:fs';
import path from 'node:path';
import { isMap, isScalar, LineCounter, parseDocument } from 'yaml';
import { jsonPointer } from './documentFragment';
import { lineOfPointer } from './lineOfPointer';

const lines = (text: string) => text.split('\n');

/** Every key's line down to `depth`, from the yaml package's positions: what the scan must find. */
function parsedLines(text: string, depth: number): Map<string, number> {
  const counter = new LineCounter();
  const found = new Map<string, number>();
  const visit = (node: unknown, tokens: string[]) => {
    if (!isMap(node) || tokens.length >= depth) return;
    for (const pair of node.items) {
      if (!isScalar(pair.key) || !pair.key.range) continue;
      const at = [...tokens, String(pair.key.value)];
      found.set(jsonPointer(at), counter.linePos(pair.key.range[0]).line);
      visit(pair.value, at);
    }
  };
  visit(parseDocument(text, { lineCounter: counter }).contents, []);
  return found;
}

describe('lineOfPointer', () => {
  it('finds plain and quoted keys by indentation, skipping block scalars and comments', () => {
    const text = `# comment
openapi: 3.0.3
info:
  description: |
    paths:
      /x:
  version: "1.0"
paths:
  /orders/{id}:
    get:
      responses:
        '404': { description: nf }
        "500": { description: broken }
`;
    expect(lineOfPointer(lines(text), '')).toBe(1);
    expect(lineOfPointer(lines(text), '/info/version')).toBe(7);
    expect(lineOfPointer(lines(text), '/paths/~1orders~1{id}/get')).toBe(10);
    expect(
      lineOfPointer(lines(text), '/paths/~1orders~1{id}/get/responses/404'),
    ).toBe(12);
    expect(
      lineOfPointer(lines(text), '/paths/~1orders~1{id}/get/responses/500'),
    ).toBe(13);
    // Not there: the deepest key that is; nothing when not even the first.
    expect(lineOfPointer(lines(text), '/paths/~1x')).toBe(8);
    expect(lineOfPointer(lines(text), '/components/schemas')).toBeUndefined();
  });

  it('reads JSON printed one key per line', () => {
    const text = JSON.stringify(
      { openapi: '3.0.3', paths: { '/a': { get: { responses: {} } } } },
      null,
      2,
    );
    expect(lineOfPointer(lines(text), '/paths/~1a/get')).toBe(5);
  });

  it('agrees with the YAML parser on every key of the demo definitions', () => {
    const dir = path.resolve(__dirname, '../../../../catalog/apis');
    const disagreements: string[] = [];
    for (const file of fs.readdirSync(dir).filter(f => /\.ya?ml$/.test(f))) {
      const text = fs.readFileSync(path.join(dir, file), 'utf8');
      for (const [pointer, line] of parsedLines(text, 6)) {
        const scanned = lineOfPointer(lines(text), pointer);
        if (scanned !== line)
          disagreements.push(`${file} ${pointer}: ${scanned} != ${line}`);
      }
    }
    expect(disagreements).toEqual([]);
  });
});
