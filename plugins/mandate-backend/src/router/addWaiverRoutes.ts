import express from 'express';
import { HttpAuthService } from '@backstage/backend-plugin-api';
import {
  WaiverDecision,
  WaiverQuery,
  WaiverRequest,
} from '@mandate-dev/plugin-mandate-common';
import { WaiverService } from '../waivers/WaiverService';

export interface WaiverRoutesOptions {
  httpAuth: HttpAuthService;
  service: WaiverService;
  /** Full lower-case refs from what a client sent (InputError when it is not a ref). */
  normaliseRef: (ref: string, defaultKind?: string) => string;
}

/**
 * /waivers: list with filters, request (or grant), approve, deny, revoke. The OpenAPI router
 * they are added to has validated the query and body already; WaiverService decides and acts.
 */
export function addWaiverRoutes(
  router: express.Router,
  options: WaiverRoutesOptions,
): void {
  const { httpAuth, service, normaliseRef } = options;

  router.get('/waivers', async (req, res) => {
    const query = req.query as WaiverQuery;
    const items = await service.list(await httpAuth.credentials(req), {
      ...query,
      ...(query.entityRef ? { entityRef: normaliseRef(query.entityRef) } : {}),
      ...(query.owner ? { owner: normaliseRef(query.owner, 'group') } : {}),
    });
    res.json({ items });
  });

  router.post('/waivers', async (req, res) => {
    const body = req.body as WaiverRequest;
    const waiver = await service.request(await httpAuth.credentials(req), {
      ...body,
      entityRef: normaliseRef(body.entityRef),
    });
    res.status(201).json(waiver);
  });

  router.post('/waivers/:id/approve', async (req, res) => {
    const { comment } = (req.body ?? {}) as WaiverDecision;
    res.json(
      await service.approve(
        await httpAuth.credentials(req),
        req.params.id,
        comment,
      ),
    );
  });

  router.post('/waivers/:id/deny', async (req, res) => {
    const { comment } = (req.body ?? {}) as WaiverDecision;
    res.json(
      await service.deny(
        await httpAuth.credentials(req),
        req.params.id,
        comment,
      ),
    );
  });

  router.delete('/waivers/:id', async (req, res) => {
    await service.revoke(await httpAuth.credentials(req), req.params.id);
    res.status(204).end();
  });
}
