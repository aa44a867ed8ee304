import { createRouteRef } from '@backstage/frontend-plugin-api';

/** The leadership dashboard, `/mandate`. @public */
export const rootRouteRef = createRouteRef();

/** The services behind a number, filtered by the report's query parameters. @public */
export const servicesRouteRef = createRouteRef();

/** One rule: what it checks, why, how to fix it, and who fails it. @public */
export const ruleRouteRef = createRouteRef({ params: ['ruleId'] });

/** Every waiver and waiver request, by state, team and rule, `/mandate/waivers`. @public */
export const waiversRouteRef = createRouteRef();
/** The campaigns: goals for a scope of services by a deadline, `/mandate/campaigns`. @public */
export const campaignsRouteRef = createRouteRef();

/** One campaign: progress per team, burn-down, late teams. @public */
export const campaignRouteRef = createRouteRef({ params: ['campaignId'] });
