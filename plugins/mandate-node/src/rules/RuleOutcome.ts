import { RuleStatus } from '@internal/plugin-mandate-common';

/** What a rule returns; `waived` is decided by the engine from waivers, never by a rule. */
export interface RuleOutcome {
  status: Exclude<RuleStatus, 'waived'>;
  message?: string;
  evidence?: string[];
}

export function pass(message?: string): RuleOutcome {
  return message ? { status: 'pass', message } : { status: 'pass' };
}

export function fail(message: string, evidence: string[] = []): RuleOutcome {
  return evidence.length > 0
    ? { status: 'fail', message, evidence }
    : { status: 'fail', message };
}

export function notApplicable(message: string): RuleOutcome {
  return { status: 'not-applicable', message };
}

export function error(message: string, evidence: string[] = []): RuleOutcome {
  return evidence.length > 0
    ? { status: 'error', message, evidence }
    : { status: 'error', message };
}
