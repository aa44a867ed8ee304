import { ConflictError } from '@backstage/errors';
import { builtInRules } from '../rules/builtInRules';
import { assertValidRule } from '../rules/defineRule';
import { AnyMandateRule } from '../rules/MandateRule';
import { MandateRulesExtensionPoint } from './mandateRulesExtensionPoint';

/**
 * Collects the built-in rules and those added through the extension point; the backend
 * plugin registers an instance as the extension point's implementation.
 *
 * @public
 */
export class MandateRuleRegistry implements MandateRulesExtensionPoint {
  readonly #rules: AnyMandateRule[] = [...builtInRules];

  addRules(...rules: AnyMandateRule[]): void {
    for (const rule of rules) {
      assertValidRule(rule);
      if (this.#rules.some(existing => existing.id === rule.id)) {
        throw new ConflictError(
          `A mandate rule with the id ${rule.id} is already registered`,
        );
      }
      this.#rules.push(rule);
    }
  }

  /** Built-in rules in rulebook order, then custom rules in registration order. */
  get rules(): readonly AnyMandateRule[] {
    return this.#rules;
  }
}
