import {
  ApiBlueprint,
  createFrontendPlugin,
  discoveryApiRef,
  fetchApiRef,
  PageBlueprint,
} from '@backstage/frontend-plugin-api';
import {
  EntityCardBlueprint,
  EntityContentBlueprint,
} from '@backstage/plugin-catalog-react/alpha';
import { RiMedalLine } from '@remixicon/react';
import { mandateApiRef, MandateClient } from './api';
import {
  campaignRouteRef,
  campaignsRouteRef,
  rootRouteRef,
  ruleRouteRef,
  servicesRouteRef,
  waiversRouteRef,
} from './routes';

/** Services are Components of type service (mandate.serviceTypes defaults to [service]). */
const isService = { kind: 'component', 'spec.type': 'service' };
const isTeam = { kind: 'group', 'spec.type': 'team' };
/** The API rules read OpenAPI definitions. */
const isOpenApi = { kind: 'api', 'spec.type': 'openapi' };
/** Where a request path starts or passes: services and the access layer (rulebook section 1). */
const isOnRequestPath = {
  $any: [
    isService,
    { kind: 'component', 'spec.type': 'gateway' },
    { kind: 'resource', 'spec.type': { $in: ['load-balancer', 'cdn'] } },
  ],
};

export const mandateApi = ApiBlueprint.make({
  params: defineParams =>
    defineParams({
      api: mandateApiRef,
      deps: { discoveryApi: discoveryApiRef, fetchApi: fetchApiRef },
      factory: ({ discoveryApi, fetchApi }) =>
        new MandateClient({ discoveryApi, fetchApi }),
    }),
});

/** The leadership dashboard; its icon puts it in the sidebar as nav item `page:mandate`. */
export const mandateDashboardPage = PageBlueprint.make({
  params: {
    path: '/mandate',
    title: 'Mandate',
    icon: <RiMedalLine />,
    routeRef: rootRouteRef,
    loader: () =>
      import('./components/Dashboard/DashboardPage').then(m => (
        <m.DashboardPage />
      )),
  },
});

/** The services behind a number of the dashboard (no icon: not a sidebar entry). */
export const mandateServicesPage = PageBlueprint.make({
  name: 'services',
  params: {
    path: '/mandate/services',
    title: 'Mandate',
    routeRef: servicesRouteRef,
    loader: () =>
      import('./components/ServicesPage/ServicesPage').then(m => (
        <m.ServicesPage />
      )),
  },
});

/** Waiver governance: requests to decide, waivers in force, expiring, expired, revoked, denied. */
export const mandateWaiversPage = PageBlueprint.make({
  name: 'waivers',
  params: {
    path: '/mandate/waivers',
    title: 'Mandate',
    routeRef: waiversRouteRef,
    loader: () =>
      import('./components/WaiversPage/WaiversPage').then(m => (
        <m.WaiversPage />
      )),
  },
});

export const mandateRulePage = PageBlueprint.make({
  name: 'rule',
  params: {
    path: '/mandate/rules/:ruleId',
    title: 'Mandate',
    routeRef: ruleRouteRef,
    loader: () =>
      import('./components/RulePage/RulePage').then(m => <m.RulePage />),
  },
});

/** The campaigns (no icon: reached from the dashboard's Campaigns card). */
export const mandateCampaignsPage = PageBlueprint.make({
  name: 'campaigns',
  params: {
    path: '/mandate/campaigns',
    title: 'Mandate',
    routeRef: campaignsRouteRef,
    loader: () =>
      import('./components/Campaigns/CampaignsPage').then(m => (
        <m.CampaignsPage />
      )),
  },
});

export const mandateCampaignPage = PageBlueprint.make({
  name: 'campaign',
  params: {
    path: '/mandate/campaigns/:campaignId',
    title: 'Mandate',
    routeRef: campaignRouteRef,
    loader: () =>
      import('./components/Campaigns/CampaignPage').then(m => (
        <m.CampaignPage />
      )),
  },
});

export const mandateEntityCard = EntityCardBlueprint.make({
  name: 'scorecard',
  params: {
    // Beside "About", where it is seen first.
    type: 'info',
    filter: isService,
    loader: () =>
      import('./components/EntityMandateCard/EntityMandateCard').then(m => (
        <m.EntityMandateCard />
      )),
  },
});

export const mandateEntityContent = EntityContentBlueprint.make({
  name: 'service',
  params: {
    path: '/mandate',
    title: 'Mandate',
    filter: isService,
    loader: () =>
      import('./components/EntityMandateContent/EntityMandateContent').then(
        m => <m.EntityMandateContent />,
      ),
  },
});

export const mandateDependenciesContent = EntityContentBlueprint.make({
  name: 'dependencies',
  params: {
    path: '/dependencies',
    title: 'Dependencies',
    filter: isService,
    loader: () =>
      import(
        './components/EntityDependenciesContent/EntityDependenciesContent'
      ).then(m => <m.EntityDependenciesContent />),
  },
});

export const mandateRequestPathContent = EntityContentBlueprint.make({
  name: 'request-path',
  params: {
    path: '/request-path',
    title: 'Request path',
    filter: isOnRequestPath,
    loader: () =>
      import('./components/RequestPathContent/RequestPathContent').then(m => (
        <m.RequestPathContent />
      )),
  },
});

export const mandateTeamContent = EntityContentBlueprint.make({
  name: 'team',
  params: {
    path: '/mandate',
    title: 'Mandate',
    filter: isTeam,
    loader: () =>
      import('./components/TeamMandateContent/TeamMandateContent').then(m => (
        <m.TeamMandateContent />
      )),
  },
});

export const mandateApiContent = EntityContentBlueprint.make({
  name: 'api',
  params: {
    path: '/mandate',
    title: 'Mandate',
    filter: isOpenApi,
    loader: () =>
      import('./components/ApiMandateContent/ApiMandateContent').then(m => (
        <m.ApiMandateContent />
      )),
  },
});

/** Mandate: scorecards on service and team pages, the dashboard, rule pages, dependencies. */
export const mandatePlugin = createFrontendPlugin({
  pluginId: 'mandate',
  title: 'Mandate',
  routes: {
    root: rootRouteRef,
    services: servicesRouteRef,
    rule: ruleRouteRef,
    waivers: waiversRouteRef,
    campaigns: campaignsRouteRef,
    campaign: campaignRouteRef,
  },
  extensions: [
    mandateApi,
    mandateDashboardPage,
    mandateServicesPage,
    mandateWaiversPage,
    mandateRulePage,
    mandateCampaignsPage,
    mandateCampaignPage,
    mandateEntityCard,
    mandateEntityContent,
    mandateDependenciesContent,
    mandateRequestPathContent,
    mandateTeamContent,
    mandateApiContent,
  ],
});
