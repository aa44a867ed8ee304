import { InputError } from '@backstage/errors';
import { CampaignRequest } from '@mandate-dev/plugin-mandate-common';
import { CatalogSnapshot } from '@mandate-dev/plugin-mandate-node';

/**
 * What the schema cannot say: real calendar days, rules that run, refs in their full form
 * (owners and scope owners are groups, scope systems are systems).
 */
export function normaliseCampaignRequest(
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
