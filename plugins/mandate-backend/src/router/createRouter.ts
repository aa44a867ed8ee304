import express from 'express';
import fs from 'node:fs';
import { parse as parseYaml } from 'yaml';
import { stringify as stringifyCsv } from 'csv-stringify/sync';
import {
  HttpAuthService,
  LoggerService,
  PermissionsService,
  resolvePackagePath,
} from '@backstage/backend-plugin-api';
import { createValidatedOpenApiRouter } from '@backstage/backend-openapi-utils';
import { InputError, isError, NotFoundError } from '@backstage/errors';
import { CatalogService } from '@backstage/plugin-catalog-node';
import {
  CheckResponse,
  EntityReportResponse,
  mandateEvaluatePermission,
  ReportQuery,
  RuleInfo,
} from '@mandate-dev/plugin-mandate-common';
import {
  isOpenApiRule,
  MandateConfig,
  MandateRule,
  SnapshotInput,
} from '@mandate-dev/plugin-mandate-node';
import { buildApiView } from '../apis/buildApiView';
import { MandateEvaluator } from '../evaluation/MandateEvaluator';
import { CampaignStore } from '../campaigns/CampaignStore';
import { registerCampaignRoutes } from './campaignRoutes';
import { EntityAccess } from './EntityAccess';
import { buildDependencyView } from '../graph/buildDependencyView';
import { buildRequestPath } from '../graph/buildRequestPath';
import { omitUnreadable } from '../graph/omitUnreadable';
import { EvaluationJobStore } from '../store/EvaluationJobStore';
import { ReportFilter, ResultStore } from '../store/ResultStore';
import { toReportedEntity } from '../store/StoredReport';
import { WaiverStore } from '../store/WaiverStore';
import { buildGroupHistory } from '../summary/buildHistory';
import { SummaryService } from '../summary/SummaryService';
import { listRuleInfos } from '../rules/listRuleInfos';
import { WaiverService } from '../waivers/WaiverService';
import { addWaiverRoutes } from './addWaiverRoutes';
import { actorOf } from './actorOf';
import { RequiredLevels } from '../summary/readRequiredLevels';
import { filterInternalErrors } from './filterInternalErrors';
import { normaliseRef } from './normaliseRef';
import { neutraliseFormula } from './neutraliseFormula';
import { parseJsonBody } from './parseJsonBody';
import { readPage } from './readPage';
import { rejectNulCharacters } from './rejectNulCharacters';

const DAY_MS = 24 * 60 * 60 * 1000;
const DEFAULT_HISTORY_DAYS = 90;
/** The largest request body; the biggest legitimate one is a waiver with its reason. */
const MAX_BODY_SIZE = '100kb';
/** POST /check carries generated entities with their API definitions and runbooks. */
const MAX_CHECK_BODY_SIZE = '1mb';

export interface RouterOptions {
  logger: LoggerService;
  httpAuth: HttpAuthService;
  permissions: PermissionsService;
  /** Asked with the caller's credentials which services a conditional read decision leaves. */
  catalog: CatalogService;
  evaluator: MandateEvaluator;
  results: ResultStore;
  waivers: WaiverStore;
  campaigns: CampaignStore;
  jobs: EvaluationJobStore;
  rules: readonly MandateRule<any>[];
  config: MandateConfig;
  /** Asks the scheduler to run the job task now rather than at its next tick. */
  runJobsSoon: () => Promise<void>;
  /** `mandate.requiredLevels`; default DEFAULT_REQUIRED_LEVELS. */
  requiredLevels?: RequiredLevels;
  clock?: () => Date;
}

/**
 * The REST API described by src/schema/openapi.yaml; requests are validated against it.
 * Around it: bodies are parsed with a size limit (413) and NUL characters refused (400) before
 * validation, and every error leaving it is made safe to show (no stack, SQL or driver text).
 */
export async function createRouter(
  options: RouterOptions,
): Promise<express.Router> {
  const api = express.Router();
  // The first parser that reads a body wins: /check gets its larger limit, the rest the small one.
  api.use('/check', parseJsonBody(MAX_CHECK_BODY_SIZE));
  api.use(parseJsonBody(MAX_BODY_SIZE));
  api.use(rejectNulCharacters());
  api.use(await createApiRouter(options));
  api.use(filterInternalErrors(options.logger));
  return api;
}

async function createApiRouter(
  options: RouterOptions,
): Promise<express.Router> {
  const { httpAuth, permissions, evaluator, results, waivers, jobs, config } =
    options;
  const now = () => options.clock?.() ?? new Date();
  const router = createValidatedOpenApiRouter(
    loadSpec(),
  ) as unknown as express.Router;

  const access = new EntityAccess(permissions, options.catalog);
  const rules: RuleInfo[] = listRuleInfos(options.rules, config);
  const ruleIds = new Set(rules.map(rule => rule.id));
  const summaries = new SummaryService(
    results,
    [...ruleIds],
    options.requiredLevels,
  );

  router.get('/rules', async (_req, res) => {
    res.json({ items: rules });
  });

  router.get('/entities/:entityRef', async (req, res) => {
    const entityRef = normaliseRef(req.params.entityRef);
    const notFound = `No report for ${entityRef}; is it a service?`;
    await access.assertReadable(
      await httpAuth.credentials(req),
      entityRef,
      notFound,
    );
    const current = await evaluator.current(entityRef);
    if (!current) throw new NotFoundError(notFound);
    const body: EntityReportResponse = {
      ...toReportedEntity(current.stored),
      waivers: current.waivers,
      requests: await waivers.list({ entityRef, state: 'requested' }, now()),
      rules: rules.map(rule => ({ ruleId: rule.id, level: rule.level })),
    };
    res.json(body);
  });

  router.get('/graph/:entityRef', async (req, res) => {
    const entityRef = normaliseRef(req.params.entityRef);
    const notFound = `${entityRef} is not a service in the catalog`;
    await access.assertReadable(
      await httpAuth.credentials(req),
      entityRef,
      notFound,
    );
    const snapshot = await evaluator.snapshot();
    const view = buildDependencyView(
      entityRef,
      snapshot,
      evaluator.graph(snapshot),
    );
    if (!view) throw new NotFoundError(notFound);
    res.json(view);
  });

  // The neighbours a caller may not read are left out, as the catalog hides them.
  router.get('/request-path/:entityRef', async (req, res) => {
    const entityRef = normaliseRef(req.params.entityRef);
    const notFound = `${entityRef} is not a service or an access-layer entity in the catalog`;
    const credentials = await httpAuth.credentials(req);
    await access.assertReadable(credentials, entityRef, notFound);
    const snapshot = await evaluator.snapshot();
    const view = buildRequestPath(
      entityRef,
      snapshot,
      evaluator.graph(snapshot),
      config,
    );
    if (!view) throw new NotFoundError(notFound);
    const readable = await access.readableAmong(
      credentials,
      view.nodes.map(node => node.entityRef),
    );
    res.json(omitUnreadable(view, ref => readable.has(ref)));
  });

  // The OpenAPI rules, and any rule whose results locate a problem in the API (spec-valid).
  const openApiRuleIds = new Set(
    options.rules.filter(isOpenApiRule).map(rule => rule.id),
  );
  // The providers and consumers a caller may not read are left out, and so are their results.
  router.get('/apis/:entityRef', async (req, res) => {
    const entityRef = normaliseRef(req.params.entityRef, 'api');
    const notFound = `${entityRef} is not an API in the catalog`;
    const credentials = await httpAuth.credentials(req);
    await access.assertReadable(credentials, entityRef, notFound);
    const snapshot = await evaluator.snapshot();
    if (snapshot.get(entityRef)?.kind !== 'api')
      throw new NotFoundError(notFound);
    const providers = snapshot.providersOf(entityRef).map(e => e.ref);
    const consumers = snapshot.consumersOf(entityRef).map(e => e.ref);
    const readable = await access.readableAmong(credentials, [
      ...new Set([...providers, ...consumers]),
    ]);
    const visibleProviders = providers.filter(ref => readable.has(ref));
    const reports = await Promise.all(
      visibleProviders.map(async serviceRef => {
        const current = await evaluator.current(serviceRef);
        return {
          serviceRef,
          results: current?.stored.report.results ?? [],
          waivers: current?.waivers ?? [],
        };
      }),
    );
    res.json(
      buildApiView({
        entityRef,
        providers: visibleProviders,
        consumers: consumers.filter(ref => readable.has(ref)),
        reports,
        isApiRule: ruleId => openApiRuleIds.has(ruleId),
      }),
    );
  });

  router.get('/report', async (req, res) => {
    const query = req.query as ReportQuery;
    const { offset, limit } = readPage(query);
    const readable = await access.readableRefs(await httpAuth.credentials(req));
    const page = await results.list(
      reportFilter(query),
      { offset, limit },
      readable,
    );
    res.json({
      total: page.total,
      offset,
      limit,
      items: page.items.map(toReportedEntity),
    });
  });

  // The summary and the team and organisation history are aggregates that name teams but no
  // service, so every signed-in user sees them organisation-wide (and /summary stays one cached
  // query); the lists that name services answer only with the services the caller may read.
  router.get('/summary', async (req, res) => {
    res
      .type('application/json')
      .send(
        await summaries.summaryJson(
          reportFilter(req.query as ReportQuery),
          now(),
        ),
      );
  });

  router.get('/history', async (req, res) => {
    const { entityRef, owner, from, to } = req.query as Record<
      string,
      string | undefined
    >;
    if (entityRef && owner)
      throw new InputError('Give entityRef or owner, not both');
    const toDay = to ?? day(now());
    const fromDay =
      from ?? day(new Date(now().getTime() - DEFAULT_HISTORY_DAYS * DAY_MS));
    if (fromDay > toDay)
      throw new InputError(`from ${fromDay} is after to ${toDay}`);
    if (entityRef) {
      const ref = normaliseRef(entityRef);
      await access.assertReadable(
        await httpAuth.credentials(req),
        ref,
        `No history for ${ref}`,
      );
      res.json({
        subject: ref,
        points: await results.entityHistory(ref, fromDay, toDay),
      });
      return;
    }
    const ownerRef = owner ? normaliseRef(owner, 'group') : undefined;
    res.json({
      subject: ownerRef ?? 'organisation',
      points: buildGroupHistory(
        await results.groupHistory(ownerRef, fromDay, toDay),
      ),
    });
  });

  router.post('/evaluate', async (req, res) => {
    const credentials = await httpAuth.credentials(req);
    const entityRef = req.body?.entityRef
      ? normaliseRef(req.body.entityRef)
      : null;
    await access.assertAllowed(
      credentials,
      mandateEvaluatePermission,
      entityRef ?? undefined,
    );
    if (entityRef) {
      await access.assertReadable(
        credentials,
        entityRef,
        `${entityRef} is not a service in the catalog`,
      );
      if (
        !(await results.get(entityRef)) &&
        !(await evaluator.isService(entityRef))
      ) {
        throw new NotFoundError(`${entityRef} is not a service in the catalog`);
      }
    }
    // An equivalent job already queued or running answers for this request too.
    const { job, created } = await jobs.enqueue(
      entityRef,
      actorOf(credentials),
      now(),
    );
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

  // Read-only (it stores nothing), so signing in is all it asks: every signed-in user may
  // onboard a service through a template, which is what calls it.
  router.post('/check', async (req, res) => {
    await httpAuth.credentials(req, { allow: ['user', 'service'] });
    const { entities } = req.body as { entities: SnapshotInput[] };
    const report = await evaluator.check(entities);
    const body: CheckResponse = {
      entities: report.entities,
      rules: rules.map(rule => ({ ruleId: rule.id, level: rule.level })),
    };
    res.json(body);
  });

  router.get('/evaluations/:id', async (req, res) => {
    const job = await jobs.get(req.params.id);
    if (!job) throw new NotFoundError(`No evaluation with id ${req.params.id}`);
    res.json(job);
  });

  router.get('/export.csv', async (req, res) => {
    const filter = reportFilter(req.query as ReportQuery);
    const readable = await access.readableRefs(await httpAuth.credentials(req));
    res.type('text/csv');
    res.setHeader(
      'Content-Disposition',
      'attachment; filename="mandate-report.csv"',
    );
    res.write(
      stringifyCsv([
        [
          'entityRef',
          'owner',
          'tier',
          'level',
          'score',
          'ruleId',
          'status',
          'message',
          'evidence',
        ],
      ]),
    );
    for await (const stored of results.iterate(filter, readable)) {
      const { report } = stored;
      res.write(
        stringifyCsvSafely(
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

  addWaiverRoutes(router, {
    httpAuth,
    service: new WaiverService({
      access,
      waivers,
      results,
      evaluator,
      ruleIds,
      maxWaiverDays: config.maxWaiverDays,
      now,
    }),
    normaliseRef,
  });

  registerCampaignRoutes(router, {
    httpAuth,
    permissions,
    campaigns: options.campaigns,
    results,
    evaluator,
    ruleIds,
    now,
    actorOf,
  });

  return router;
}

/** CSV text of the rows, with cells that a spreadsheet would run as formulas neutralised. */
function stringifyCsvSafely(rows: unknown[][]): string {
  return stringifyCsv(rows, { cast: { string: neutraliseFormula } });
}

function loadSpec() {
  const file = resolvePackagePath(
    '@mandate-dev/plugin-mandate-backend',
    'src/schema/openapi.yaml',
  );
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

function day(date: Date): string {
  return date.toISOString().slice(0, 10);
}
