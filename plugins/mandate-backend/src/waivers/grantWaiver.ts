import { BackstageCredentials } from '@backstage/backend-plugin-api';
import { InputError, NotFoundError } from '@backstage/errors';
import {
  mandateWaiverCreatePermission,
  Waiver,
  WaiverRequest,
} from '@mandate-dev/plugin-mandate-common';
import { validateWaiver } from '@mandate-dev/plugin-mandate-node';
import { MandateEvaluator } from '../evaluation/MandateEvaluator';
import { actorOf } from '../router/actorOf';
import { EntityAccess } from '../router/EntityAccess';
import { normaliseRef } from '../router/normaliseRef';
import { ResultStore } from '../store/ResultStore';
import { WaiverStore } from '../store/WaiverStore';

export interface GrantWaiverDeps {
  access: EntityAccess;
  /** The ids of the rules that run. */
  ruleIds: ReadonlySet<string>;
  results: ResultStore;
  waivers: WaiverStore;
  evaluator: MandateEvaluator;
  maxWaiverDays: number;
  now: () => Date;
}

/**
 * Grants a waiver on behalf of the caller: what POST /waivers does, and what the request-waiver
 * action calls, so both check the same permission and the same rules. Throws NotAllowedError,
 * InputError, NotFoundError or ConflictError.
 */
export async function grantWaiver(
  deps: GrantWaiverDeps,
  credentials: BackstageCredentials,
  body: WaiverRequest,
): Promise<Waiver> {
  const request = { ...body, entityRef: normaliseRef(body.entityRef) };
  // Allowed first: a refusal then says nothing about whether the service exists.
  await deps.access.assertAllowed(
    credentials,
    mandateWaiverCreatePermission,
    request.entityRef,
  );
  if (!deps.ruleIds.has(request.ruleId))
    throw new InputError(`Unknown rule ${request.ruleId}`);
  const notFound = `No report for ${request.entityRef}; is it a service?`;
  await deps.access.assertReadable(credentials, request.entityRef, notFound);
  if (!(await deps.results.get(request.entityRef)))
    throw new NotFoundError(notFound);
  const grantedBy = actorOf(credentials);
  const now = deps.now();
  validateWaiver({ ...request, grantedBy }, now, deps.maxWaiverDays);
  // The database refuses a second open waiver for the rule (409, also between concurrent
  // requests); the rescore commits with the waiver or neither does.
  return deps.waivers.create(request, grantedBy, now, tx =>
    deps.evaluator.rescore([request.entityRef], tx),
  );
}
