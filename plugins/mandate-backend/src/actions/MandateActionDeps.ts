import { RuleInfo } from '@mandate-dev/plugin-mandate-common';
import { CampaignStore } from '../campaigns/CampaignStore';
import { MandateEvaluator } from '../evaluation/MandateEvaluator';
import { EntityAccess } from '../router/EntityAccess';
import { ResultStore } from '../store/ResultStore';
import { WaiverService } from '../waivers/WaiverService';

/** What the actions read and call: the same stores, access checks and waiver logic as the REST API. */
export interface MandateActionDeps {
  access: EntityAccess;
  campaigns: CampaignStore;
  evaluator: MandateEvaluator;
  results: ResultStore;
  now: () => Date;
  /** The rules that run, with their options in force. */
  rules: readonly RuleInfo[];
  /** Waiver governance with the caller's credentials, as the REST API's routes use it. */
  waivers: WaiverService;
}
