import express from 'express';
import fs from 'node:fs';
import { parse as parseYaml } from 'yaml';
import { stringify as stringifyCsv } from 'csv-stringify/sync';
import {
  HttpAuthService,
  PermissionsService,
  resolvePackagePath,
} from '@backstage/backend-plugin-api';
import { createValidatedOpenApiRouter } from '@backstage/backend-openapi-utils';
import {
  ConflictError,
  InputError,
  isError,
  NotAllowedError,
  NotFoundError,
} from '@backstage/errors';
import { AuthorizeResult, BasicPermission } from '@backstage/plugin-permission-common';
import {
  EntityReportResponse,
  mandateEvaluatePermission,
  mandateWaiverCreatePermission,
  mandateWaiverRevokePermission,
  ReportQuery,
  RuleInfo,
  WaiverRequest,
} from '@internal/plugin-mandate-common';
import {
  CatalogSnapshot,
  MandateConfig,
  MandateRule,
  validateWaiver,
} from '@internal/plugin-mandate-node';
import { MandateEvaluator } from '../evaluation/MandateEvaluator';
import { buildDependencyView } from '../graph/buildDependencyView';
import { EvaluationJobStore } from '../store/EvaluationJobStore';
import { ReportFilter, ResultStore } from '../store/ResultStore';
import { toReportedEntity } from '../store/StoredReport';
import { WaiverStore } from '../store/WaiverStore';
import { buildGroupHistory } from '../summary/buildHistory';
import { SummaryService } from '../summary/SummaryService';

const DAY_MS = 24 * 60 * 60 * 1000;
const DEFAULT_PAGE_SIZE = 50;
const DEFAULT_HISTORY_DAYS = 90;

export interface RouterOptions {
  httpAuth: HttpAuthService;
  permissions: PermissionsService;
  evaluator: MandateEvaluator;
  results: ResultStore;
  waivers: WaiverStore;
  jobs: EvaluationJobStore;
  rules: readonly MandateRule<any>[];
  config: MandateConfig;
  /** Asks the scheduler to run the job task now rather than at its next tick. */
  runJobsSoon: () => Promise<void>;
  clock?: () => Date;
}

/** The REST API described by src/schema/openapi.yaml; requests are validated against it. */
export async function createRouter(options: RouterOptions): Promise<express.Router> {
  const { httpAuth, permissions, evaluator, results, waivers, jobs, config } = options;
  const now = () => options.clock?.() ?? new Date();
  const router = createValidatedOpenApiRouter(loadSpec()) as unknown as express.Router;

  const authorize = async (req: express.Request, permission: BasicPermission) => {
    const credentials = await httpAuth.credentials(req);
    const [decision] = await permissions.authorize([{ permission }], { credentials });
    if (decision.result !== AuthorizeResult.ALLOW) {
      throw new NotAllowedError(`Not allowed: ${permission.name}`);
    }
    return credentials;
  };
  /** Who did it: the user's entity ref, or the calling service's subject. */
  const actorOf = (credentials: Awaited<ReturnType<typeof authorize>>) => {
    const principal = credentials.principal as { userEntityRef?: string; subject?: string };
    return principal.userEntityRef ?? principal.subject ?? 'unknown';
  };

  const rules: RuleInfo[] = options.rules
    .filter(rule => config.rules[rule.id]?.enabled !== false)
    .map(({ evaluate: _evaluate, defaults, ...description }) => ({
      ...description,
      options: { ...defaults, ...config.rules[description.id]?.options },
    }));
  const ruleIds = new Set(rules.map(rule => rule.id));
  const summaries = new SummaryService(results, [...ruleIds]);

  router.get('/rules', async (_req, res) => {
    res.json({ items: rules });
  });

  router.get('/entities/:entityRef', async (req, res) => {
    const entityRef = normaliseRef(req.params.entityRef);
    const current = await evaluator.current(entityRef);
    if (!current) throw new NotFoundError(`No report for ${entityRef}; is it a service?`);
    const body: EntityReportResponse = {
      ...toReportedEntity(current.stored),
      waivers: current.waivers,
      rules: rules.map(rule => ({ ruleId: rule.id, level: rule.level })),
    };
    res.json(body);
  });

  router.get('/graph/:entityRef', async (req, res) => {
    const entityRef = normaliseRef(req.params.entityRef);
    const snapshot = await evaluator.snapshot();
    const view = buildDependencyView(entityRef, snapshot, evaluator.graph(snapshot));
    if (!view) throw new NotFoundError(`${entityRef} is not a service in the catalog`);
    res.json(view);
  });

  router.get('/report', async (req, res) => {
    const query = req.query as ReportQuery;
    const offset = Number(query.offset ?? 0);
    const limit = Number(query.limit ?? DEFAULT_PAGE_SIZE);
    const page = await results.list(reportFilter(query), { offset, limit });
    res.json({ total: page.total, offset, limit, items: page.items.map(toReportedEntity) });
  });

  router.get('/summary', async (req, res) => {
    res.json(await summaries.summary(reportFilter(req.query as ReportQuery), now()));
  });

  router.get('/history', async (req, res) => {
    const { entityRef, owner, from, to } = req.query as Record<string, string | undefined>;
    if (entityRef && owner) throw new InputError('Give entityRef or owner, not both');
    const toDay = to ?? day(now());
    const fromDay = from ?? day(new Date(now().getTime() - DEFAULT_HISTORY_DAYS * DAY_MS));
    if (fromDay > toDay) throw new InputError(`from ${fromDay} is after to ${toDay}`);
    if (entityRef) {
      const ref = normaliseRef(entityRef);
      res.json({ subject: ref, points: await results.entityHistory(ref, fromDay, toDay) });
      return;
    }
    const ownerRef = owner ? normaliseRef(owner, 'group') : undefined;
    res.json({
      subject: ownerRef ?? 'organisation',
      points: buildGroupHistory(await results.groupHistory(ownerRef, fromDay, toDay)),
    });
  });

  router.post('/evaluate', async (req, res) => {
    const credentials = await authorize(req, mandateEvaluatePermission);
    const entityRef = req.body?.entityRef ? normaliseRef(req.body.entityRef) : null;
    if (entityRef) {
      const snapshot = await evaluator.snapshot();
      if (!evaluator.graph(snapshot).has(entityRef) && !(await results.get(entityRef))) {
        throw new NotFoundError(`${entityRef} is not a service in the catalog`);
      }
    }
    // An equivalent job already queued or running answers for this request too.
    const { job, created } = await jobs.enqueue(entityRef, actorOf(credentials), now());
    if (created) {
      try {
        await options.runJobsSoon();
      } catch (error) {
        // The job task is running right now: it takes the new job before it stops, or at its
        // next run.
        if (!isError(error) || error.name !== 'ConflictError') throw error;
      }
    }
    res.status(202).json(job);
  });

  router.get('/evaluations/:id', async (req, res) => {
    const job = await jobs.get(req.params.id);
    if (!job) throw new NotFoundError(`No evaluation with id ${req.params.id}`);
    res.json(job);
  });

  router.get('/export.csv', async (req, res) => {
    const filter = reportFilter(req.query as ReportQuery);
    res.type('text/csv');
    res.setHeader('Content-Disposition', 'attachment; filename="mandate-report.csv"');
    res.write(
      stringifyCsv([['entityRef', 'owner', 'tier', 'level', 'score', 'ruleId', 'status', 'message', 'evidence']]),
    );
    for await (const stored of results.iterate(filter)) {
      const { report } = stored;
      res.write(
        stringifyCsv(
          report.results.map(result => [
            report.entityRef,
            report.owner ?? '',
            report.tier ?? '',
            report.level,
            report.score,
            result.ruleId,
            result.status,
            result.message ?? '',
            (result.evidence ?? []).join('; '),
          ]),
        ),
      );
    }
    res.end();
  });

  router.get('/waivers', async (req, res) => {
    const entityRef = req.query.entityRef ? normaliseRef(String(req.query.entityRef)) : undefined;
    res.json({ items: await waivers.list(entityRef) });
  });

  router.post('/waivers', async (req, res) => {
    const credentials = await authorize(req, mandateWaiverCreatePermission);
    const body = req.body as WaiverRequest;
    const request = { ...body, entityRef: normaliseRef(body.entityRef) };
    if (!ruleIds.has(request.ruleId)) throw new InputError(`Unknown rule ${request.ruleId}`);
    if (!(await results.get(request.entityRef))) {
      throw new NotFoundError(`No report for ${request.entityRef}; is it a service?`);
    }
    const grantedBy = actorOf(credentials);
    validateWaiver({ ...request, grantedBy }, now(), config.maxWaiverDays);
    const existing = await waivers.active(now(), request.entityRef);
    if (existing.some(w => w.ruleId === request.ruleId)) {
      throw new ConflictError(`${request.entityRef} already has a waiver for ${request.ruleId}`);
    }
    const waiver = await waivers.create(request, grantedBy, now());
    await evaluator.rescore([request.entityRef]);
    res.status(201).json(waiver);
  });

  router.delete('/waivers/:id', async (req, res) => {
    const credentials = await authorize(req, mandateWaiverRevokePermission);
    const waiver = await waivers.revoke(req.params.id, actorOf(credentials), now());
    await evaluator.rescore([waiver.entityRef]);
    res.status(204).end();
  });

  return router;
}

function loadSpec() {
  const file = resolvePackagePath('@internal/plugin-mandate-backend', 'src/schema/openapi.yaml');
  return parseYaml(fs.readFileSync(file, 'utf8'));
}

function reportFilter(query: ReportQuery): ReportFilter {
  const { offset: _offset, limit: _limit, ...filter } = query;
  return {
    ...filter,
    ...(filter.owner ? { owner: normaliseRef(filter.owner, 'group') } : {}),
    ...(filter.system ? { system: normaliseRef(filter.system, 'system') } : {}),
  };
}

/**
 * Refs are stored as full lower-case refs (the report format); a short ref from a client takes
 * the field's default kind and the default namespace.
 */
function normaliseRef(ref: string, defaultKind = 'component'): string {
  const normalised = CatalogSnapshot.normalizeRef(ref.trim(), defaultKind);
  if (!normalised) throw new InputError(`${JSON.stringify(ref)} is not an entity ref`);
  return normalised;
}

function day(date: Date): string {
  return date.toISOString().slice(0, 10);
}
