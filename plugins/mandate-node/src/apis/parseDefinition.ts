import { parseDocument } from 'yaml';
import { spendExpandedSize } from './expandedSize';
import { loadYamlDocumentFast } from './loadYamlFast';
import { WorkBudget } from './WorkBudget';
import { yamlAliasCost } from './yamlAliasCost';

/**
 * Aliases are expanded by copying, so a small document can expand to an enormous one ("billion
 * laughs"). The yaml package caps the expansion at `aliasCount * uses`; large real-world
 * definitions share responses and schemas through anchors far more than its default of 100
 * allows, while an attack needs orders of magnitude more.
 */
const MAX_ALIAS_COUNT = 10_000;

/**
 * Parses a YAML or JSON definition into plain values; throws when the text is not one YAML
 * document, and DefinitionLimitError when reading it would cost more than the budget.
 *
 * JSON is valid YAML, but the YAML parser is two orders of magnitude slower than `JSON.parse`,
 * and catalogs of thousands of services often carry generated JSON definitions; so JSON-looking
 * text is tried with `JSON.parse` first and only falls back to YAML when that fails. Both
 * readings agree on duplicate keys: the last occurrence wins (as `JSON.parse` does) instead of
 * rejecting the whole definition, since many published definitions contain harmless duplicates.
 *
 * YAML is read by the fast path (js-yaml, the same reading, about ten times faster) unless it
 * leaves the text to the yaml package (an error, an alias, a tag, ...: see loadYamlFast).
 *
 * Parsing the text is linear in its size (bounded by the caller's size limit); what is not -
 * resolving aliases, and the tree the rules then walk - is spent from the budget first. The
 * fast path reads no aliases, whose cost (yamlAliasCost) is then zero.
 */
export function parseDefinition(
  text: string,
  budget: WorkBudget = WorkBudget.unlimited(),
): unknown {
  const trimmed = text.trim();
  if (trimmed.startsWith('{')) {
    let value: unknown;
    let parsed = false;
    try {
      value = JSON.parse(trimmed);
      parsed = true;
    } catch {
      // Not strict JSON (comments, single quotes, trailing commas): YAML may still read it.
    }
    if (parsed) {
      spendExpandedSize(value, budget);
      return value;
    }
  }
  const fast = loadYamlDocumentFast(text);
  if (fast) {
    spendExpandedSize(fast.value, budget);
    return fast.value;
  }
  const document = parseDocument(text, {
    uniqueKeys: false,
    // 'error' throws on errors without printing warnings (e.g. unknown tags) to the console.
    logLevel: 'error',
  });
  if (document.errors.length > 0) {
    throw document.errors[0];
  }
  budget.spend(yamlAliasCost(document));
  const value = document.toJS({ maxAliasCount: MAX_ALIAS_COUNT });
  spendExpandedSize(value, budget);
  return value;
}
