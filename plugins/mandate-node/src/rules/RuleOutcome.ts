import {
  RuleFix,
  RuleLocation,
  RuleStatus,
} from '@mandate-dev/plugin-mandate-common';

/**
 * What a rule returns; `waived` is decided from waivers, never by a rule. `refs` lists the
 * entities the message and evidence name (lower-case full refs), so that a UI can link them
 * without parsing text. `fix` (on `fail` and `error` only; the engine drops it elsewhere) is the
 * change that makes the rule pass for this service, computed from its data: attach it with
 * `{ ...fail(...), fix }`. A fix reads only what the verdict reads (the service, its direct
 * neighbours, what it reaches in the service graph), so that re-evaluating the services
 * `affectedEntities` names after a change keeps every stored fix current too. `locations`
 * (also on `fail` and `error` only) say where the offending parts are, e.g. the failing
 * operations of an API definition.
 *
 * @public
 */
export interface RuleOutcome {
  status: Exclude<RuleStatus, 'waived'>;
  message?: string;
  evidence?: string[];
  refs?: string[];
  fix?: RuleFix;
  locations?: RuleLocation[];
}

function outcome(
  status: RuleOutcome['status'],
  message: string | undefined,
  evidence: string[] = [],
  refs: string[] = [],
): RuleOutcome {
  const result: RuleOutcome = { status };
  if (message) result.message = message;
  if (evidence.length > 0) result.evidence = evidence;
  if (refs.length > 0) result.refs = [...new Set(refs)];
  return result;
}

/** @public */
export function pass(message?: string): RuleOutcome {
  return outcome('pass', message);
}

/** @public */
export function fail(
  message: string,
  evidence: string[] = [],
  refs: string[] = [],
): RuleOutcome {
  return outcome('fail', message, evidence, refs);
}

/** @public */
export function notApplicable(message: string): RuleOutcome {
  return outcome('not-applicable', message);
}

/** @public */
export function error(
  message: string,
  evidence: string[] = [],
  refs: string[] = [],
): RuleOutcome {
  return outcome('error', message, evidence, refs);
}
