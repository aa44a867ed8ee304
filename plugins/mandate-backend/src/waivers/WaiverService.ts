import { BackstageCredentials } from '@backstage/backend-plugin-api';
import { InputError, NotFoundError } from '@backstage/errors';
import {
  mandateWaiverApprovePermission,
  mandateWaiverCreatePermission,
  mandateWaiverRevokePermission,
  Waiver,
  WaiverQuery,
  WaiverRequest,
} from '@mandate-dev/plugin-mandate-common';
import { validateWaiver } from '@mandate-dev/plugin-mandate-node';
import { MandateEvaluator } from '../evaluation/MandateEvaluator';
import { actorOf } from '../router/actorOf';
import { EntityAccess } from '../router/EntityAccess';
import { isReadable } from '../store/ReadableRefs';
import { ResultStore } from '../store/ResultStore';
import { WaiverStore } from '../store/WaiverStore';

export interface WaiverServiceOptions {
  access: EntityAccess;
  waivers: WaiverStore;
  results: ResultStore;
  evaluator: MandateEvaluator;
  /** The rules that run: a waiver can only name one of them. */
  ruleIds: ReadonlySet<string>;
  maxWaiverDays: number;
  now: () => Date;
}

/**
 * Waiver governance, for the REST routes and any other caller acting for a user (e.g. an MCP
 * action): request, grant, approve, deny, revoke and list, each authorized against the
 * service's catalog entity with the caller's credentials.
 *
 * - `mandate.waiver.create` files a request; with `mandate.waiver.approve` as well, a request
 *   without `mode` (or with `mode: 'grant'`) is granted at once, approved by the caller, as
 *   POST /waivers did before approvals existed. `mode: 'request'` files a request regardless.
 * - Approving or denying needs `mandate.waiver.approve` on the service; revoking needs
 *   `mandate.waiver.revoke`. Whoever holds approve may approve a request they filed: the
 *   policy decides who holds it (Mandate's policy: admins only, not the owners).
 * - Every change that makes a waiver count or stop counting rescores the service in the same
 *   transaction.
 */
export class WaiverService {
  constructor(private readonly options: WaiverServiceOptions) {}

  /** Files a request, or grants the waiver at once (see the class comment). */
  async request(
    credentials: BackstageCredentials,
    body: WaiverRequest,
  ): Promise<Waiver> {
    const { access, waivers, results, evaluator, now } = this.options;
    const { mode, ...request } = body;
    // Allowed first: a refusal then says nothing about whether the service exists.
    await access.assertAllowed(
      credentials,
      mandateWaiverCreatePermission,
      request.entityRef,
    );
    const grant =
      mode === 'grant' ||
      (mode === undefined &&
        (await this.#mayApprove(credentials, request.entityRef)));
    if (mode === 'grant')
      await access.assertAllowed(
        credentials,
        mandateWaiverApprovePermission,
        request.entityRef,
      );
    if (!this.options.ruleIds.has(request.ruleId))
      throw new InputError(`Unknown rule ${request.ruleId}`);
    const notFound = `No report for ${request.entityRef}; is it a service?`;
    await access.assertReadable(credentials, request.entityRef, notFound);
    if (!(await results.get(request.entityRef)))
      throw new NotFoundError(notFound);
    const actor = actorOf(credentials);
    validateWaiver(
      { ...request, grantedBy: actor },
      now(),
      this.options.maxWaiverDays,
    );
    // The database refuses a second open waiver or request for the rule (409, also between
    // concurrent requests); a grant's rescore commits with the waiver or neither does.
    const waiver = grant
      ? await waivers.create(request, actor, now(), tx =>
          evaluator.rescore([request.entityRef], tx),
        )
      : await waivers.request(request, actor, now());
    return (await this.#withServices([waiver]))[0];
  }

  async approve(
    credentials: BackstageCredentials,
    id: string,
    comment?: string,
  ): Promise<Waiver> {
    await this.#assertAllowedOn(
      credentials,
      id,
      mandateWaiverApprovePermission,
    );
    const waiver = await this.options.waivers.approve(
      id,
      actorOf(credentials),
      this.options.now(),
      comment,
      (tx, approved) =>
        this.options.evaluator.rescore([approved.entityRef], tx),
    );
    return (await this.#withServices([waiver]))[0];
  }

  async deny(
    credentials: BackstageCredentials,
    id: string,
    comment?: string,
  ): Promise<Waiver> {
    await this.#assertAllowedOn(
      credentials,
      id,
      mandateWaiverApprovePermission,
    );
    const waiver = await this.options.waivers.deny(
      id,
      actorOf(credentials),
      this.options.now(),
      comment,
    );
    return (await this.#withServices([waiver]))[0];
  }

  async revoke(credentials: BackstageCredentials, id: string): Promise<Waiver> {
    await this.#assertAllowedOn(credentials, id, mandateWaiverRevokePermission);
    return this.options.waivers.revoke(
      id,
      actorOf(credentials),
      this.options.now(),
      (tx, waiver) => this.options.evaluator.rescore([waiver.entityRef], tx),
    );
  }

  /**
   * The waivers and requests of the services the caller may read, newest first, with each
   * service's display name and team. `query.entityRef` of a service the caller may not read is
   * a NotFoundError, as for its report; refs must already be normalised.
   */
  async list(
    credentials: BackstageCredentials,
    query: WaiverQuery,
  ): Promise<Waiver[]> {
    const { access, waivers, results, now } = this.options;
    if (query.entityRef)
      await access.assertReadable(
        credentials,
        query.entityRef,
        `No waivers for ${query.entityRef}`,
      );
    const readable = query.entityRef
      ? 'all'
      : await access.readableRefs(credentials);
    const { owner, ...filter } = query;
    const entityRefs = owner
      ? (await results.scores({ owner })).map(row => row.entityRef)
      : undefined;
    const items = (await waivers.list({ ...filter, entityRefs }, now())).filter(
      waiver => isReadable(readable, waiver.entityRef),
    );
    return this.#withServices(items);
  }

  /** Adds each service's display name and team, from its stored report. */
  async #withServices(items: Waiver[]): Promise<Waiver[]> {
    const reports = new Map(
      (
        await this.options.results.getMany([
          ...new Set(items.map(w => w.entityRef)),
        ])
      ).map(stored => [stored.report.entityRef, stored]),
    );
    return items.map(waiver => {
      const stored = reports.get(waiver.entityRef);
      if (!stored) return waiver;
      return {
        ...waiver,
        ...(stored.title ? { entityTitle: stored.title } : {}),
        owner: stored.report.owner,
      };
    });
  }

  async #mayApprove(
    credentials: BackstageCredentials,
    entityRef: string,
  ): Promise<boolean> {
    return this.options.access.isAllowed(
      credentials,
      mandateWaiverApprovePermission,
      entityRef,
    );
  }

  /** Authorized on the waiver's service; an unknown id is a NotFoundError first. */
  async #assertAllowedOn(
    credentials: BackstageCredentials,
    id: string,
    permission:
      | typeof mandateWaiverApprovePermission
      | typeof mandateWaiverRevokePermission,
  ): Promise<void> {
    const existing = await this.options.waivers.get(id, this.options.now());
    if (!existing) throw new NotFoundError(`No waiver with id ${id}`);
    await this.options.access.assertAllowed(
      credentials,
      permission,
      existing.entityRef,
    );
  }
}
