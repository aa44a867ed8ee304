import { DefinitionLimitError } from './DefinitionLimits';

/**
 * The steps one definition's parse and analysis may take. Every place whose cost is not
 * bounded by the size of the text (alias expansion, `$ref` and `allOf` graphs) spends from it,
 * so that any definition is analysed in bounded time and memory.
 */
export class WorkBudget {
  #spent = 0;

  constructor(readonly limit: number) {}

  /** A budget that never runs out, for callers that bound their input otherwise (tests). */
  static unlimited(): WorkBudget {
    return new WorkBudget(Infinity);
  }

  get remaining(): number {
    return this.limit - this.#spent;
  }

  get spent(): number {
    return this.#spent;
  }

  /**
   * Continues as if `spent` steps had been taken: a check run later on a parsed document gets
   * what its analysis left, whatever other checks spent on the same parse before it.
   */
  restart(spent: number): void {
    this.#spent = spent;
  }

  /** Throws DefinitionLimitError once the steps spent exceed the limit. */
  spend(steps: number): void {
    this.#spent += steps;
    if (this.#spent > this.limit) {
      throw DefinitionLimitError.tooComplex(this.limit);
    }
  }
}
