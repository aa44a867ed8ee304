import { RuleInfo } from '@mandate-dev/plugin-mandate-common';
import { MandateEvaluator } from '../evaluation/MandateEvaluator';
import { EntityAccess } from '../router/EntityAccess';
import { ResultStore } from '../store/ResultStore';
import { GrantWaiverDeps } from '../waivers/grantWaiver';

/** What the actions read and call: the same stores, access checks and waiver logic as the REST API. */
export interface MandateActionDeps {
  access: EntityAccess;
  evaluator: MandateEvaluator;
  results: ResultStore;
  /** The rules that run, with their options in force. */
  rules: readonly RuleInfo[];
  grantWaiver: GrantWaiverDeps;
}
