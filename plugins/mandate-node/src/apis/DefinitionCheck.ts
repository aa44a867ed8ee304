/** The verdict of one check on one API definition. @public */
export interface DefinitionCheck {
  status: 'pass' | 'fail' | 'error';
  message?: string;
  /** One line per problem, naming the operation as `METHOD /path` where there is one. */
  evidence: string[];
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
