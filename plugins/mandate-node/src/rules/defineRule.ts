import type { RuleOptionSchemas } from '@mandate-dev/plugin-mandate-common';
import type { MandateRule } from './MandateRule';

/** A rule id: lower-case words joined by `-`, in at least two dot-separated parts (`acme.lifecycle`). */
const RULE_ID = /^[a-z0-9]+(?:-[a-z0-9]+)*(?:\.[a-z0-9]+(?:-[a-z0-9]+)*)+$/;

/**
 * Declares a rule. The type of `context.options` is inferred from the option schemas, and the
 * definition is checked once, when the module loads, rather than at every evaluation.
 *
 * @public
 */
export function defineRule<TSchemas extends RuleOptionSchemas = {}>(
  rule: MandateRule<TSchemas>,
): MandateRule<TSchemas> {
  assertValidRule(rule);
  return Object.freeze(rule);
}

/** Throws when a rule's id or option schemas are unusable; the registry checks custom rules with it too. */
export function assertValidRule(rule: MandateRule<RuleOptionSchemas>): void {
  if (!RULE_ID.test(rule.id)) {
    throw new Error(
      `Invalid rule id "${rule.id}": expected dot-separated lower-case words, e.g. acme.production-lifecycle`,
    );
  }
  for (const [name, schema] of Object.entries(rule.options ?? {})) {
    if (name === 'enabled') {
      throw new Error(
        `Rule ${rule.id}: "enabled" is reserved and cannot name an option`,
      );
    }
    if (!schema.description) {
      throw new Error(`Rule ${rule.id}: option ${name} has no description`);
    }
  }
}
