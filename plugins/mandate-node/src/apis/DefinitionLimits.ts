/**
 * How much one API definition may cost to evaluate. A definition over a limit is not analysed:
 * its spec validity and every check of it are `error` for that API only.
 *
 * @public
 */
export interface DefinitionLimits {
  /** The largest definition read, in bytes of UTF-8 (`mandate.limits.maxDefinitionBytes`). */
  maxDefinitionBytes: number;
  /**
   * The work allowed for parsing and analysing one definition, in steps of about one node
   * visited each (`mandate.limits.maxDefinitionWork`).
   */
  maxDefinitionWork: number;
}

/**
 * 5 MiB holds a 5,000-operation OpenAPI document several times over; reading YAML costs about
 * 100 times its size in memory. A step is a few tens of nanoseconds, so the default work budget
 * allows a few seconds per definition, ten times what the largest real definitions need.
 *
 * @public
 */
export const DEFAULT_DEFINITION_LIMITS: DefinitionLimits = {
  maxDefinitionBytes: 5 * 1024 * 1024,
  maxDefinitionWork: 20_000_000,
};

/** Thrown when a definition is over one of its limits; the analysis turns it into `error`. */
export class DefinitionLimitError extends Error {
  constructor(message: string) {
    super(message);
    this.name = 'DefinitionLimitError';
  }

  static tooLarge(bytes: number, limit: number): DefinitionLimitError {
    return new DefinitionLimitError(
      `definition too large: ${bytes} bytes, over the limit of ${limit} bytes (mandate.limits.maxDefinitionBytes)`,
    );
  }

  static tooComplex(limit: number, why?: string): DefinitionLimitError {
    return new DefinitionLimitError(
      `definition too complex: ${
        why ?? `analysing it takes more than ${limit} steps`
      } (limit mandate.limits.maxDefinitionWork = ${limit})`,
    );
  }
}

/** The cache identity of a set of limits: verdicts are only reused under the same limits. */
export function limitsKeyOf(limits: DefinitionLimits): string {
  return `${limits.maxDefinitionBytes}/${limits.maxDefinitionWork}`;
}
