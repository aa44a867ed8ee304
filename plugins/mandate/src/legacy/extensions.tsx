import {
  createComponentExtension,
  createRoutableExtension,
} from '@backstage/core-plugin-api';
import { compatWrapper } from '@backstage/core-compat-api';
import { MandatePlugin } from './MandatePlugin';
import {
  legacyCampaignRouteRef,
  legacyCampaignsRouteRef,
  legacyRootRouteRef,
  legacyRuleRouteRef,
  legacyServicesRouteRef,
  legacyWaiversRouteRef,
} from './legacyRouteRefs';

// The same components as the new frontend system's extensions (plugin.tsx). They are written
// against @backstage/frontend-plugin-api; `compatWrapper` gives them the APIs they expect
// (route resolution, icons) inside a legacy app.

/**
 * The leadership dashboard. Mount it at `/mandate`:
 * `<Route path="/mandate" element={<MandateDashboardPage />} />`.
 *
 * @public
 */
export const MandateDashboardPage = MandatePlugin.provide(
  createRoutableExtension({
    name: 'MandateDashboardPage',
    mountPoint: legacyRootRouteRef,
    component: () =>
      import('../components/Dashboard/DashboardPage').then(
        m =>
          function MandateDashboard() {
            return compatWrapper(<m.DashboardPage />);
          },
      ),
  }),
);

/**
 * The services behind a number of the dashboard. Mount it at `/mandate/services`.
 *
 * @public
 */
export const MandateServicesPage = MandatePlugin.provide(
  createRoutableExtension({
    name: 'MandateServicesPage',
    mountPoint: legacyServicesRouteRef,
    component: () =>
      import('../components/ServicesPage/ServicesPage').then(
        m =>
          function MandateServices() {
            return compatWrapper(<m.ServicesPage />);
          },
      ),
  }),
);

/**
 * Waiver governance: every waiver and request, by state, team and rule, with approve, deny and
 * revoke for those allowed. Mount it at `/mandate/waivers`.
 *
 * @public
 */
export const MandateWaiversPage = MandatePlugin.provide(
  createRoutableExtension({
    name: 'MandateWaiversPage',
    mountPoint: legacyWaiversRouteRef,
    component: () =>
      import('../components/WaiversPage/WaiversPage').then(
        m =>
          function MandateWaivers() {
            return compatWrapper(<m.WaiversPage />);
          },
      ),
  }),
);

/**
 * A rule's page: what it checks, why, how to fix it, who fails it. Mount it at
 * `/mandate/rules/:ruleId`.
 *
 * @public
 */
export const MandateRulePage = MandatePlugin.provide(
  createRoutableExtension({
    name: 'MandateRulePage',
    mountPoint: legacyRuleRouteRef,
    component: () =>
      import('../components/RulePage/RulePage').then(
        m =>
          function MandateRule() {
            return compatWrapper(<m.RulePage />);
          },
      ),
  }),
);

/**
 * The campaigns with their progress. Mount it at `/mandate/campaigns`.
 *
 * @public
 */
export const MandateCampaignsPage = MandatePlugin.provide(
  createRoutableExtension({
    name: 'MandateCampaignsPage',
    mountPoint: legacyCampaignsRouteRef,
    component: () =>
      import('../components/Campaigns/CampaignsPage').then(
        m =>
          function MandateCampaigns() {
            return compatWrapper(<m.CampaignsPage />);
          },
      ),
  }),
);

/**
 * One campaign: progress per team, burn-down, late teams. Mount it at
 * `/mandate/campaigns/:campaignId`.
 *
 * @public
 */
export const MandateCampaignPage = MandatePlugin.provide(
  createRoutableExtension({
    name: 'MandateCampaignPage',
    mountPoint: legacyCampaignRouteRef,
    component: () =>
      import('../components/Campaigns/CampaignPage').then(
        m =>
          function MandateCampaign() {
            return compatWrapper(<m.CampaignPage />);
          },
      ),
  }),
);

/**
 * The scorecard of a service (level, score, the failing rules to fix first), for the overview
 * of service Components.
 *
 * @public
 */
export const EntityMandateCard = MandatePlugin.provide(
  createComponentExtension({
    name: 'EntityMandateCard',
    component: {
      lazy: () =>
        import('../components/EntityMandateCard/EntityMandateCard').then(
          m =>
            function MandateCard() {
              return compatWrapper(<m.EntityMandateCard />);
            },
        ),
    },
  }),
);

/**
 * Every rule of a service with evidence, remediation, waivers and history: the "Mandate" tab of
 * service Components. Its links to the rules expect the tab at `/mandate`.
 *
 * @public
 */
export const EntityMandateContent = MandatePlugin.provide(
  createComponentExtension({
    name: 'EntityMandateContent',
    component: {
      lazy: () =>
        import('../components/EntityMandateContent/EntityMandateContent').then(
          m =>
            function MandateContent() {
              return compatWrapper(<m.EntityMandateContent />);
            },
        ),
    },
  }),
);

/**
 * Dependencies and dependents of a service with tier, SLO, composite availability and blast
 * radius: the "Dependencies" tab of service Components.
 *
 * @public
 */
export const EntityMandateDependenciesContent = MandatePlugin.provide(
  createComponentExtension({
    name: 'EntityMandateDependenciesContent',
    component: {
      lazy: () =>
        import(
          '../components/EntityDependenciesContent/EntityDependenciesContent'
        ).then(
          m =>
            function MandateDependencies() {
              return compatWrapper(<m.EntityDependenciesContent />);
            },
        ),
    },
  }),
);

/**
 * The request path through the four layers (access layer, services, databases, clusters) with
 * each hop's tier, SLO, platform template and keep-alive timeout and the mismatches marked: the
 * "Request path" tab of service Components and of the access layer (gateway Components,
 * load-balancer and CDN Resources), where it shows the keep-alive chain they sit in.
 *
 * @public
 */
export const EntityMandateRequestPathContent = MandatePlugin.provide(
  createComponentExtension({
    name: 'EntityMandateRequestPathContent',
    component: {
      lazy: () =>
        import('../components/RequestPathContent/RequestPathContent').then(
          m =>
            function MandateRequestPath() {
              return compatWrapper(<m.RequestPathContent />);
            },
        ),
    },
  }),
);

/**
 * A team's size, score over time and services: the "Mandate" tab of Groups of `spec.type: team`.
 *
 * @public
 */
export const EntityTeamMandateContent = MandatePlugin.provide(
  createComponentExtension({
    name: 'EntityTeamMandateContent',
    component: {
      lazy: () =>
        import('../components/TeamMandateContent/TeamMandateContent').then(
          m =>
            function MandateTeamContent() {
              return compatWrapper(<m.TeamMandateContent />);
            },
        ),
    },
  }),
);

/**
 * The API rules an OpenAPI API's providers fail, per operation, with the fix to its definition
 * and the services providing and consuming it: the "Mandate" tab of APIs of `spec.type: openapi`.
 *
 * @public
 */
export const EntityApiMandateContent = MandatePlugin.provide(
  createComponentExtension({
    name: 'EntityApiMandateContent',
    component: {
      lazy: () =>
        import('../components/ApiMandateContent/ApiMandateContent').then(
          m =>
            function MandateApiContent() {
              return compatWrapper(<m.ApiMandateContent />);
            },
        ),
    },
  }),
);
