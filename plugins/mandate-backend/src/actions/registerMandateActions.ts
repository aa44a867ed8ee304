import { NotFoundError } from '@backstage/errors';
import { ActionsRegistryService } from '@backstage/backend-plugin-api/alpha';
import { normaliseRef } from '../router/normaliseRef';
import { MandateActionDeps } from './MandateActionDeps';
import { rankTeamFailingRules } from './rankTeamFailingRules';
import { registerListCampaignsAction } from './registerListCampaignsAction';

/**
 * Mandate's actions for AI agents (served over MCP by @backstage/plugin-mcp-actions-backend).
 * Each is a thin adapter over what the REST API does, with the caller's credentials: a service
 * the caller may not read in the catalog is "not found", and a waiver needs
 * `mandate.waiver.create` on the service, exactly as `POST /waivers`.
 */
export function registerMandateActions(
  registry: ActionsRegistryService,
  deps: MandateActionDeps,
): void {
  const ruleById = new Map(deps.rules.map(rule => [rule.id, rule]));

  registry.register({
    name: 'get-scorecard',
    title: 'Get a service scorecard',
    description:
      "A service's Mandate scorecard: its level (none, bronze, silver, gold), its score (0-100), and every failing rule with the message, the evidence and the fix for this service. Waivers in force are applied.",
    attributes: { readOnly: true, idempotent: true },
    schema: {
      input: z =>
        z.object({
          entityRef: z
            .string()
            .describe(
              'The service, e.g. component:default/orders or just orders',
            ),
        }),
      output: z =>
        z.object({
          entityRef: z.string(),
          owner: z.string().nullable(),
          tier: z.string().nullable(),
          level: z.string(),
          score: z.number(),
          evaluatedAt: z.string(),
          failing: z.array(
            z.object({
              ruleId: z.string(),
              title: z.string(),
              level: z.string(),
              status: z.string(),
              message: z.string().optional(),
              evidence: z.array(z.string()).optional(),
              fix: z
                .object({
                  text: z.string(),
                  snippet: z.string(),
                  language: z.string(),
                })
                .optional(),
            }),
          ),
        }),
    },
    action: async ({ input, credentials }) => {
      const entityRef = normaliseRef(input.entityRef);
      const notFound = `No report for ${entityRef}; is it a service?`;
      await deps.access.assertReadable(credentials, entityRef, notFound);
      const current = await deps.evaluator.current(entityRef);
      if (!current) throw new NotFoundError(notFound);
      const { report, evaluatedAt } = current.stored;
      return {
        output: {
          entityRef: report.entityRef,
          owner: report.owner,
          tier: report.tier,
          level: report.level,
          score: report.score,
          evaluatedAt,
          failing: report.results
            .filter(r => r.status === 'fail' || r.status === 'error')
            .map(r => ({
              ruleId: r.ruleId,
              title: ruleById.get(r.ruleId)?.title ?? r.ruleId,
              level: ruleById.get(r.ruleId)?.level ?? 'unknown',
              status: r.status,
              ...(r.message ? { message: r.message } : {}),
              ...(r.evidence ? { evidence: r.evidence } : {}),
              ...(r.fix ? { fix: r.fix } : {}),
            })),
        },
      };
    },
  });

  registry.register({
    name: 'list-team-failing-rules',
    title: "List a team's failing rules by impact",
    description:
      "The Mandate rules a team's services fail, most impact first: rules of a lower level first (a failing bronze rule blocks every level), then the rules more of its services fail. Each names the failing services.",
    attributes: { readOnly: true, idempotent: true },
    schema: {
      input: z =>
        z.object({
          team: z
            .string()
            .describe(
              'The owning group, e.g. group:default/checkout-team or checkout-team',
            ),
        }),
      output: z =>
        z.object({
          team: z.string(),
          services: z.number().describe("How many of the team's services"),
          rules: z.array(
            z.object({
              ruleId: z.string(),
              title: z.string(),
              level: z.string(),
              failingServices: z.number(),
              services: z.array(z.string()),
            }),
          ),
        }),
    },
    action: async ({ input, credentials }) => {
      const team = normaliseRef(input.team, 'group');
      const readable = await deps.access.readableRefs(credentials);
      const rows = (await deps.results.scores({ owner: team })).filter(
        row => readable === 'all' || readable.has(row.entityRef),
      );
      if (rows.length === 0)
        throw new NotFoundError(`${team} owns no services with a scorecard`);
      return {
        output: {
          team,
          services: rows.length,
          rules: rankTeamFailingRules(rows, deps.rules),
        },
      };
    },
  });

  registry.register({
    name: 'explain-rule',
    title: 'Explain a Mandate rule',
    description:
      'What a Mandate rule checks and why: its title, level, tenet, description, rationale, the remediation with a snippet, and the options in force.',
    attributes: { readOnly: true, idempotent: true },
    schema: {
      input: z =>
        z.object({
          ruleId: z.string().describe('The rule id, e.g. ops.runbook'),
        }),
      output: z =>
        z.object({
          id: z.string(),
          title: z.string(),
          level: z.string(),
          tenet: z.string(),
          description: z.string(),
          rationale: z.string(),
          remediation: z.object({
            text: z.string(),
            snippet: z.string(),
            language: z.string(),
          }),
          options: z.record(z.unknown()),
        }),
    },
    action: async ({ input }) => {
      const rule = ruleById.get(input.ruleId);
      if (!rule)
        throw new NotFoundError(`No rule ${input.ruleId} (or it is disabled)`);
      return {
        output: {
          id: rule.id,
          title: rule.title,
          level: rule.level,
          tenet: rule.tenet,
          description: rule.description,
          rationale: rule.rationale,
          remediation: rule.remediation,
          options: rule.options,
        },
      };
    },
  });

  registry.register({
    name: 'request-waiver',
    title: 'Request a waiver',
    description:
      'Files a request to waive one rule for one service, with a reason and an expiry (ISO date, at most mandate.maxWaiverDays ahead). The waiver counts only once someone holding mandate.waiver.approve approves it. Needs the mandate.waiver.create permission on the service, as the REST API does.',
    attributes: { readOnly: false, destructive: false, idempotent: false },
    schema: {
      input: z =>
        z.object({
          entityRef: z.string().describe('The service, e.g. orders'),
          ruleId: z.string().describe('The rule to waive, e.g. ops.runbook'),
          reason: z.string().min(1).describe('Why the rule cannot pass yet'),
          expiresAt: z
            .string()
            .describe('When the waiver stops counting, ISO 8601'),
        }),
      output: z =>
        z.object({
          id: z.string(),
          entityRef: z.string(),
          ruleId: z.string(),
          reason: z.string(),
          state: z.string(),
          requestedBy: z.string(),
          createdAt: z.string(),
          expiresAt: z.string(),
        }),
    },
    action: async ({ input, credentials }) => {
      // An agent only ever asks: a waiver counts once someone holding the approve permission
      // approves it on the waivers page or through POST /waivers/{id}/approve.
      const waiver = await deps.waivers.request(credentials, {
        ...input,
        entityRef: normaliseRef(input.entityRef),
        mode: 'request',
      });
      return {
        output: {
          id: waiver.id,
          entityRef: waiver.entityRef,
          ruleId: waiver.ruleId,
          reason: waiver.reason,
          state: waiver.state,
          requestedBy: waiver.requestedBy,
          createdAt: waiver.createdAt,
          expiresAt: waiver.expiresAt,
        },
      };
    },
  });

  registerListCampaignsAction(registry, deps);
}
