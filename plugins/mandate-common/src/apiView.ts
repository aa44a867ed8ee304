import { Waiver } from './api';
import { RuleFix } from './report';
import { RuleStatus } from './status';

/**
 * One failing (`fail`, `error`) or waived result of a service that concerns the API, at one
 * operation.
 *
 * @public
 */
export interface ApiRuleFinding {
  ruleId: string;
  status: RuleStatus;
  /** The service whose result this is (it provides the API). */
  serviceRef: string;
  message?: string;
  evidence?: string[];
  fix?: RuleFix;
  /** The 1-based line of the operation in the definition, when known. */
  line?: number;
  /** For a `waived` finding: the waiver in force that covers it (reason, who, until when). */
  waiver?: Waiver;
}

/**
 * The findings at one operation of the API; without `method` and `path`, the findings about
 * the whole definition (no pointer, or one outside `/paths`).
 *
 * @public
 */
export interface ApiOperationFindings {
  /** The JSON pointer of the operation, e.g. `/paths/~1orders/get`. */
  pointer?: string;
  /** Lower-case HTTP method, e.g. `get`. */
  method?: string;
  path?: string;
  findings: ApiRuleFinding[];
}

/**
 * `GET /apis/:entityRef`: the API rules' failing and waived results of the services providing an API,
 * per operation, and the services providing and consuming it that the caller may read.
 *
 * @public
 */
export interface ApiMandateView {
  entityRef: string;
  providers: string[];
  consumers: string[];
  operations: ApiOperationFindings[];
}
