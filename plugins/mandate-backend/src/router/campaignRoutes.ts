import express from 'express';
import {
  BackstageCredentials,
  HttpAuthService,
  PermissionsService,
} from '@backstage/backend-plugin-api';
import { InputError, NotAllowedError, NotFoundError } from '@backstage/errors';
import { AuthorizeResult } from '@backstage/plugin-permission-common';
import {
  Campaign,
  CampaignRequest,
  CampaignWithProgress,
  mandateCampaignManagePermission,
} from '@mandate-dev/plugin-mandate-common';
import { CatalogSnapshot } from '@mandate-dev/plugin-mandate-node';
import { buildCampaignProgress } from '../campaigns/buildCampaignProgress';
import { CampaignStore } from '../campaigns/CampaignStore';
import { MandateEvaluator } from '../evaluation/MandateEvaluator';
import { ResultStore } from '../store/ResultStore';

const DAY_MS = 24 * 60 * 60 * 1000;
/** How far back a burn-down reaches before the campaign started. */
const BURNDOWN_LEAD_DAYS = 30;

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

  const withProgress = async (
    items: Campaign[],
  ): Promise<CampaignWithProgress[]> => {
    const latest = await results.scores({});
    const today = now().toISOString().slice(0, 10);
    const refs = latest.map(row => row.entityRef);
    const earliest = items.reduce(
      (min, c) => (c.createdAt < min ? c.createdAt : min),
      now().toISOString(),
    );
    const from = new Date(
      new Date(earliest).getTime() - BURNDOWN_LEAD_DAYS * DAY_MS,
    )
      .toISOString()
      .slice(0, 10);
    const history =
      items.length > 0 ? await results.historyOf(refs, from, today) : [];
    return items.map(campaign => {
      const start = new Date(
        new Date(campaign.createdAt).getTime() - BURNDOWN_LEAD_DAYS * DAY_MS,
      )
        .toISOString()
        .slice(0, 10);
      return {
        ...campaign,
        progress: buildCampaignProgress(
          campaign,
          latest,
          history.filter(h => h.day >= start),
          today,
        ),
      };
    });
  };

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
    const request = normaliseRequest(
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
    const request = normaliseRequest(
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

/**
 * What the schema cannot say: real calendar days, rules that run, refs in their full form
 * (owners and scope owners are groups, scope systems are systems).
 */
function normaliseRequest(
  body: CampaignRequest,
  ruleIds: ReadonlySet<string>,
): CampaignRequest {
  const request: CampaignRequest = {
    name: body.name.trim(),
    goal: body.goal,
    scope: {},
    deadline: calendarDay(body.deadline, 'deadline'),
    owner: ref(body.owner, 'group'),
  };
  if (!request.name) throw new InputError('A campaign needs a name');
  if (body.goal.kind === 'rule' && !ruleIds.has(body.goal.ruleId))
    throw new InputError(`Unknown rule ${body.goal.ruleId}`);
  const { tiers, owners, systems, lifecycles } = body.scope;
  if (tiers?.length) request.scope.tiers = [...new Set(tiers)];
  if (owners?.length)
    request.scope.owners = [...new Set(owners.map(o => ref(o, 'group')))];
  if (systems?.length)
    request.scope.systems = [...new Set(systems.map(s => ref(s, 'system')))];
  if (lifecycles?.length)
    request.scope.lifecycles = [...new Set(lifecycles.map(l => l.trim()))];
  if (body.announces) {
    if (!ruleIds.has(body.announces.ruleId))
      throw new InputError(`Unknown rule ${body.announces.ruleId}`);
    request.announces = {
      ruleId: body.announces.ruleId,
      enforcedFrom: calendarDay(body.announces.enforcedFrom, 'enforcedFrom'),
    };
  }
  return request;
}

/** A YYYY-MM-DD day that exists (2027-02-30 does not). */
function calendarDay(value: string, field: string): string {
  const parsed = new Date(`${value}T00:00:00.000Z`);
  if (
    !/^\d{4}-\d{2}-\d{2}$/.test(value) ||
    Number.isNaN(parsed.getTime()) ||
    parsed.toISOString().slice(0, 10) !== value
  ) {
    throw new InputError(
      `${field} ${JSON.stringify(value)} is not a day (YYYY-MM-DD)`,
    );
  }
  return value;
}

function ref(value: string, defaultKind: string): string {
  const normalised = CatalogSnapshot.normalizeRef(value.trim(), defaultKind);
  if (!normalised)
    throw new InputError(`${JSON.stringify(value)} is not an entity ref`);
  return normalised;
}
