/**
 * One failing part of a definition, structurally (evidence says the same in words): where it is,
 * so that a report can point at it.
 *
 * @public
 */
export interface DefinitionFailure {
  /** JSON pointer (RFC 6901) into the document: `/paths/~1orders/get`, `/info/version`, `` (the whole). */
  pointer: string;
  /** The 1-based line in the definition text, when the check knows it (e.g. a parse error). */
  line?: number;
}

/**
 * The change that makes a check pass for one definition, computed from the document: what to
 * merge (mappings merge, lists replace) and why, naming the operations and values involved.
 *
 * @public
 */
export interface DefinitionFix {
  /** What to do, naming the operations (`GET /orders/{id}`) and values; without the API's ref. */
  text: string;
  /**
   * The fragment to merge: of the definition document (`paths`, `components`) by default, of
   * the API entity's YAML (`spec`) when `target` is `entity`. None when the fix is only words
   * (e.g. correct a syntax error at a line).
   */
  edit?: unknown;
  target?: 'definition' | 'entity';
  /** True when the edit alone does not make the check pass: someone has to design or choose. */
  decision?: boolean;
}

/** The verdict of one check on one API definition. Plain data (it crosses worker threads). @public */
export interface DefinitionCheck {
  status: 'pass' | 'fail' | 'error';
  message?: string;
  /** One line per problem, naming the operation as `METHOD /path` where there is one. */
  evidence: string[];
  /** Not `pass`: the failing parts of the document (the failing operations), when known. */
  failures?: DefinitionFailure[];
  /** Not `pass`: how to make the check pass for this definition, when the check computes one. */
  fix?: DefinitionFix;
}

/** Builds a check from its evidence: no evidence means the check holds. @public */
export function checkFromEvidence(
  evidence: string[],
  failMessage: string,
  passMessage?: string,
): DefinitionCheck {
  const lines = [...new Set(evidence)];
  if (lines.length === 0) {
    return passMessage
      ? { status: 'pass', message: passMessage, evidence: [] }
      : { status: 'pass', evidence: [] };
  }
  return { status: 'fail', message: failMessage, evidence: lines };
}

/**
 * A failing check with its failures (deduplicated by pointer) and fix; a passing check as it is.
 *
 * @public
 */
export function withFailures(
  check: DefinitionCheck,
  failures: DefinitionFailure[],
  fix: () => DefinitionFix | undefined,
): DefinitionCheck {
  if (check.status === 'pass') return check;
  const byPointer = new Map(failures.map(f => [f.pointer, f]));
  const computed = fix();
  return {
    ...check,
    ...(byPointer.size > 0 ? { failures: [...byPointer.values()] } : {}),
    ...(computed ? { fix: computed } : {}),
  };
}
