import express from 'express';
import {
  BackstageCredentials,
  HttpAuthService,
  PermissionsService,
} from '@backstage/backend-plugin-api';
import { NotAllowedError, NotFoundError } from '@backstage/errors';
import { AuthorizeResult } from '@backstage/plugin-permission-common';
import {
  Campaign,
  CampaignRequest,
  mandateCampaignManagePermission,
} from '@mandate-dev/plugin-mandate-common';
import { campaignsWithProgress } from '../campaigns/campaignsWithProgress';
import { CampaignStore } from '../campaigns/CampaignStore';
import { normaliseCampaignRequest } from '../campaigns/normaliseCampaignRequest';
import { MandateEvaluator } from '../evaluation/MandateEvaluator';
import { ResultStore } from '../store/ResultStore';

export interface CampaignRoutesOptions {
  httpAuth: HttpAuthService;
  permissions: PermissionsService;
  campaigns: CampaignStore;
  results: ResultStore;
  evaluator: MandateEvaluator;
  /** The rules that run: goals and announcements must name one of them. */
  ruleIds: ReadonlySet<string>;
  now: () => Date;
  actorOf: (credentials: BackstageCredentials) => string;
}

/**
 * /campaigns: read by every signed-in user (progress is an aggregate per team, like /summary);
 * created, edited and archived under mandate.campaign.manage. A change of what a campaign
 * announces rescores every service in the transaction of the change: both commit or neither.
 */
export function registerCampaignRoutes(
  router: express.Router,
  options: CampaignRoutesOptions,
) {
  const { httpAuth, permissions, campaigns, results, evaluator, now } = options;

  const assertMayManage = async (req: express.Request) => {
    const credentials = await httpAuth.credentials(req);
    const [decision] = await permissions.authorize(
      [{ permission: mandateCampaignManagePermission }],
      { credentials },
    );
    if (decision.result !== AuthorizeResult.ALLOW) {
      throw new NotAllowedError(
        `Not allowed: ${mandateCampaignManagePermission.name}`,
      );
    }
    return credentials;
  };

  const withProgress = (items: Campaign[]) =>
    campaignsWithProgress(items, results, now());

  const announcementChanged = (
    before: Campaign | undefined,
    after?: CampaignRequest,
  ) =>
    JSON.stringify(before?.announces ?? null) !==
    JSON.stringify(after?.announces ?? null);

  router.get('/campaigns', async (req, res) => {
    await httpAuth.credentials(req);
    res.json({ items: await withProgress(await campaigns.list()) });
  });

  router.get('/campaigns/:id', async (req, res) => {
    await httpAuth.credentials(req);
    const campaign = await campaigns.get(req.params.id);
    if (!campaign || campaign.archivedAt)
      throw new NotFoundError(`No campaign with id ${req.params.id}`);
    const [item] = await withProgress([campaign]);
    res.json(item);
  });

  router.post('/campaigns', async (req, res) => {
    const credentials = await assertMayManage(req);
    const request = normaliseCampaignRequest(
      req.body as CampaignRequest,
      options.ruleIds,
    );
    const campaign = await campaigns.create(
      request,
      options.actorOf(credentials),
      now(),
      request.announces ? tx => evaluator.rescoreAll(tx) : undefined,
    );
    const [item] = await withProgress([campaign]);
    res.status(201).json(item);
  });

  router.put('/campaigns/:id', async (req, res) => {
    await assertMayManage(req);
    const request = normaliseCampaignRequest(
      req.body as CampaignRequest,
      options.ruleIds,
    );
    const before = await campaigns.get(req.params.id);
    const campaign = await campaigns.update(
      req.params.id,
      request,
      now(),
      announcementChanged(before, request)
        ? tx => evaluator.rescoreAll(tx)
        : undefined,
    );
    const [item] = await withProgress([campaign]);
    res.json(item);
  });

  router.delete('/campaigns/:id', async (req, res) => {
    await assertMayManage(req);
    const before = await campaigns.get(req.params.id);
    await campaigns.archive(
      req.params.id,
      now(),
      before?.announces ? tx => evaluator.rescoreAll(tx) : undefined,
    );
    res.status(204).end();
  });
}
