import { ActionsRegistryService } from '@backstage/backend-plugin-api/alpha';
import { campaignsWithProgress } from '../campaigns/campaignsWithProgress';
import { normaliseRef } from '../router/normaliseRef';
import { MandateActionDeps } from './MandateActionDeps';

/**
 * `list-campaigns`: the open campaigns with their progress, the figures GET /campaigns answers
 * with (same code), less the burn-down, a chart's series an agent has no use for. Like the
 * route it is read by any caller with credentials: progress is an aggregate per team.
 */
export function registerListCampaignsAction(
  registry: ActionsRegistryService,
  deps: Pick<MandateActionDeps, 'campaigns' | 'results' | 'now'>,
): void {
  registry.register({
    name: 'list-campaigns',
    title: 'List campaigns and their progress',
    description:
      "The open (not archived) Mandate campaigns, by deadline: each with its goal (a level, or one rule to pass), scope, deadline (YYYY-MM-DD, the last day), owner, the rule it announces if any, and its progress: services in scope, how many meet the goal, one row per owning team (late once the deadline has passed with services still open) and the late teams. With `team`, only that team's row is listed; the totals stay the campaign's.",
    attributes: { readOnly: true, idempotent: true },
    schema: {
      input: z =>
        z.object({
          team: z
            .string()
            .optional()
            .describe(
              "Only this team's row per campaign, e.g. group:default/checkout-team or checkout-team",
            ),
        }),
      output: z => {
        const teamProgress = z.object({
          owner: z.string().nullable(),
          total: z.number(),
          meeting: z.number(),
          late: z.boolean(),
        });
        return z.object({
          campaigns: z.array(
            z.object({
              id: z.string(),
              name: z.string(),
              goal: z.object({
                kind: z.enum(['level', 'rule']),
                level: z.string().optional(),
                ruleId: z.string().optional(),
              }),
              scope: z.object({
                tiers: z.array(z.string()).optional(),
                owners: z.array(z.string()).optional(),
                systems: z.array(z.string()).optional(),
                lifecycles: z.array(z.string()).optional(),
              }),
              deadline: z.string(),
              owner: z.string(),
              announces: z
                .object({ ruleId: z.string(), enforcedFrom: z.string() })
                .optional(),
              progress: z.object({
                total: z.number().describe('Services in scope'),
                meeting: z.number().describe('Services meeting the goal'),
                teams: z.array(teamProgress),
                lateTeams: z.array(z.string()),
              }),
            }),
          ),
        });
      },
    },
    // The actions registry invokes an action only with a caller's credentials (it refuses
    // unauthenticated requests), which is all GET /campaigns asks for.
    action: async ({ input }) => {
      const team = input.team ? normaliseRef(input.team, 'group') : undefined;
      const items = await campaignsWithProgress(
        await deps.campaigns.list(),
        deps.results,
        deps.now(),
      );
      return {
        output: {
          campaigns: items.map(campaign => ({
            id: campaign.id,
            name: campaign.name,
            goal: campaign.goal,
            scope: campaign.scope,
            deadline: campaign.deadline,
            owner: campaign.owner,
            ...(campaign.announces ? { announces: campaign.announces } : {}),
            progress: {
              total: campaign.progress.total,
              meeting: campaign.progress.meeting,
              teams: team
                ? campaign.progress.teams.filter(t => t.owner === team)
                : campaign.progress.teams,
              lateTeams: campaign.progress.lateTeams,
            },
          })),
        },
      };
    },
  });
}
