import { isMap, isScalar, isSeq, LineCounter, Node, parseDocument } from 'yaml';
import { jsonPointer } from './documentFragment';

/**
 * How deep keys are indexed: `/paths/{path}/{method}/responses/{status}/content` is 6 deep,
 * which is as far as the `api.*` rules point.
 */
const MAX_DEPTH = 6;

/**
 * The 1-based line of every key of a YAML/JSON definition text, by JSON pointer, down to
 * MAX_DEPTH (the root `` is line 1). A second parse, with source positions, which the analysis
 * does not keep: callers ask only for definitions that fail, and only when the text is a file's
 * own text (`$text`), so that its lines are that file's. Aliases are not followed; with
 * duplicate keys the last wins, as when the definition is read. Empty when the text does not
 * parse.
 */
export function definitionLines(text: string): ReadonlyMap<string, number> {
  const lines = new Map<string, number>();
  const counter = new LineCounter();
  const document = parseDocument(text, {
    lineCounter: counter,
    uniqueKeys: false,
    logLevel: 'silent',
  });
  if (document.errors.length > 0) return lines;
  lines.set('', 1);
  const visit = (node: unknown, tokens: string[]) => {
    if (tokens.length >= MAX_DEPTH) return;
    if (isMap(node)) {
      for (const pair of node.items) {
        const key = pair.key as Node | null;
        if (!isScalar(key) || !key.range) continue;
        const path = [...tokens, String(key.value)];
        lines.set(jsonPointer(path), counter.linePos(key.range[0]).line);
        visit(pair.value, path);
      }
    } else if (isSeq(node)) {
      node.items.forEach((item, i) => {
        const range = (item as Node | null)?.range;
        const path = [...tokens, String(i)];
        if (range) lines.set(jsonPointer(path), counter.linePos(range[0]).line);
        visit(item, path);
      });
    }
  };
  visit(document.contents, []);
  return lines;
}
