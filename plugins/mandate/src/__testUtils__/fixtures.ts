import { Entity } from '@backstage/catalog-model';
import {
  CampaignWithProgress,
  DependencyView,
  EntityReportResponse,
  History,
  ReportPage,
  RuleInfo,
  RuleLevel,
  RuleResult,
  Summary,
  Waiver,
  Tenet,
} from '@mandate-dev/plugin-mandate-common';
import { MandateApi } from '../api';
import { requestPath } from './requestPathFixture';
import { ordersApiView } from './apiViewFixture';

/**
 * The rules the fixtures' backend serves, in its order (the rulebook's): the UI learns every
 * fact about a rule from GET /rules, so the tests say here what that answers.
 */
const RULES: { id: string; tenet: Tenet; level: RuleLevel }[] = [
  { id: 'ownership.team-owner', tenet: 'ownership', level: 'bronze' },
  { id: 'ownership.two-pizza-team', tenet: 'ownership', level: 'bronze' },
  { id: 'ownership.end-to-end', tenet: 'ownership', level: 'silver' },
  { id: 'ownership.on-call', tenet: 'ownership', level: 'silver' },
  { id: 'interface.provides-api', tenet: 'interfaces', level: 'bronze' },
  { id: 'interface.spec-valid', tenet: 'interfaces', level: 'bronze' },
  { id: 'interface.only-via-apis', tenet: 'interfaces', level: 'silver' },
  { id: 'data.no-foreign-database', tenet: 'interfaces', level: 'silver' },
  { id: 'data.database-per-service', tenet: 'interfaces', level: 'silver' },
  { id: 'data.critical-isolation', tenet: 'interfaces', level: 'gold' },
  {
    id: 'api.http-status-errors',
    tenet: 'externalizable-interfaces',
    level: 'silver',
  },
  { id: 'api.error-schema', tenet: 'externalizable-interfaces', level: 'gold' },
  { id: 'api.security', tenet: 'externalizable-interfaces', level: 'gold' },
  { id: 'api.versioned', tenet: 'externalizable-interfaces', level: 'gold' },
  {
    id: 'api.standard-headers',
    tenet: 'externalizable-interfaces',
    level: 'gold',
  },
  { id: 'api.rate-limited', tenet: 'externalizable-interfaces', level: 'gold' },
  { id: 'ops.tier-declared', tenet: 'operations', level: 'bronze' },
  { id: 'ops.runbook', tenet: 'operations', level: 'bronze' },
  { id: 'ops.key-metrics', tenet: 'operations', level: 'silver' },
  { id: 'ops.dashboard', tenet: 'operations', level: 'silver' },
  { id: 'deps.resolved', tenet: 'dependencies', level: 'bronze' },
  { id: 'deps.no-cycles', tenet: 'dependencies', level: 'silver' },
  { id: 'deps.no-tier-inversion', tenet: 'dependencies', level: 'silver' },
  { id: 'deps.sla-budget', tenet: 'dependencies', level: 'gold' },
  {
    id: 'platform.approved-template',
    tenet: 'standards-and-layers',
    level: 'gold',
  },
  {
    id: 'layers.keepalive-order',
    tenet: 'standards-and-layers',
    level: 'gold',
  },
];

/** Every rule with a title, a description and a remediation snippet. */
export const rules: RuleInfo[] = RULES.map(rule => ({
  ...rule,
  title: `Title of ${rule.id}`,
  description: `Checks ${rule.id}.`,
  rationale: `Because ${rule.id} matters.`,
  remediation: {
    text: `Fix ${rule.id}.`,
    snippet: `# snippet for ${rule.id}\nmetadata: {}`,
    language: 'yaml' as const,
  },
  ...(rule.id === 'ownership.two-pizza-team'
    ? { subject: 'owner' as const, options: { maxMembers: 12 } }
    : { options: {} }),
}));

export const ordersEntity: Entity = {
  apiVersion: 'backstage.io/v1alpha1',
  kind: 'Component',
  metadata: { name: 'orders', namespace: 'default' },
  spec: {
    type: 'service',
    owner: 'group:default/checkout-team',
    lifecycle: 'production',
  },
};

export const teamEntity: Entity = {
  apiVersion: 'backstage.io/v1alpha1',
  kind: 'Group',
  metadata: { name: 'checkout-team', namespace: 'default' },
  spec: { type: 'team', children: [] },
  relations: [
    { type: 'hasMember', targetRef: 'user:default/alice' },
    { type: 'hasMember', targetRef: 'user:default/bob' },
    { type: 'hasMember', targetRef: 'user:default/carol' },
    { type: 'childOf', targetRef: 'group:default/engineering' },
  ],
};

const failing: Record<string, RuleResult> = {
  'data.no-foreign-database': {
    ruleId: 'data.no-foreign-database',
    status: 'fail',
    message: 'depends on a database owned by another team',
    evidence: [
      'resource:default/payments-db is owned by group:default/payments-team.',
    ],
    refs: ['resource:default/payments-db', 'group:default/payments-team'],
  },
  'ops.runbook': {
    ruleId: 'ops.runbook',
    status: 'fail',
    message: 'mandate.dev/runbook is not set',
  },
  'deps.sla-budget': {
    ruleId: 'deps.sla-budget',
    status: 'fail',
    message: 'dependencies allow at most 99.85% against a target of 99.95%',
    evidence: ['component:default/payments (99.9%) is the weakest link'],
    refs: ['component:default/payments'],
  },
  'api.security': {
    ruleId: 'api.security',
    status: 'error',
    message: 'definition could not be read',
  },
};

export function ordersReport(
  overrides: Partial<EntityReportResponse> = {},
): EntityReportResponse {
  return {
    entityRef: 'component:default/orders',
    owner: 'group:default/checkout-team',
    tier: 'critical',
    level: 'none',
    score: 81,
    title: 'orders',
    system: 'system:default/commerce',
    lifecycle: 'production',
    evaluatedAt: '2026-11-26T05:00:00.000Z',
    results: RULES.map(
      rule => failing[rule.id] ?? { ruleId: rule.id, status: 'pass' as const },
    ),
    waivers: [],
    rules: RULES.map(rule => ({ ruleId: rule.id, level: rule.level })),
    ...overrides,
  };
}

export const history: History = {
  subject: 'component:default/orders',
  points: [
    { day: '2026-11-24', score: 77, level: 'none' },
    { day: '2026-11-25', score: 81, level: 'none' },
  ],
};

export const summary: Summary = {
  generatedAt: '2026-11-26T05:00:00.000Z',
  organisation: {
    score: 74,
    services: 9,
    levels: { none: 3, bronze: 3, silver: 2, gold: 1 },
    change30d: 2.5,
    atRequiredLevel: 4,
  },
  teams: [
    {
      owner: 'group:default/checkout-team',
      score: 70,
      services: 3,
      levels: { none: 2, bronze: 1, silver: 0, gold: 0 },
      change30d: -4,
      trend: [74, 72, 70],
    },
    {
      owner: 'group:default/payments-team',
      score: 90,
      services: 2,
      levels: { none: 0, bronze: 0, silver: 1, gold: 1 },
      change30d: 6,
      trend: [84, null, 90],
    },
    {
      owner: 'group:default/discovery-team',
      score: 62,
      services: 4,
      levels: { none: 1, bronze: 2, silver: 1, gold: 0 },
      change30d: null,
      trend: [null, null, 62],
    },
  ],
  tiers: [
    {
      tier: 'critical',
      score: 95,
      services: 2,
      levels: { none: 0, bronze: 0, silver: 1, gold: 1 },
      requiredLevel: 'gold',
      atRequiredLevel: 1,
    },
    {
      tier: 'high',
      score: 75,
      services: 3,
      levels: { none: 1, bronze: 1, silver: 1, gold: 0 },
      requiredLevel: 'silver',
      atRequiredLevel: 1,
    },
    {
      tier: 'low',
      score: 65,
      services: 3,
      levels: { none: 1, bronze: 2, silver: 0, gold: 0 },
      requiredLevel: 'bronze',
      atRequiredLevel: 2,
    },
    {
      tier: 'none',
      score: 40,
      services: 1,
      levels: { none: 1, bronze: 0, silver: 0, gold: 0 },
      requiredLevel: 'bronze',
      atRequiredLevel: 0,
    },
  ],
  trendDays: ['2026-10-27', '2026-11-11', '2026-11-26'],
  rules: RULES.map(rule => ({
    ruleId: rule.id,
    pass: 7,
    fail: rule.id === 'ops.runbook' ? 2 : 0,
    waived: 0,
    error: 0,
    notApplicable: rule.id === 'ops.runbook' ? 0 : 2,
  })),
};

export function reportPage(total = 1): ReportPage {
  const report = ordersReport();
  const { waivers, rules: _rules, ...item } = report;
  return { total, offset: 0, limit: 20, items: [item] };
}

export const graph: DependencyView = {
  entityRef: 'component:default/orders',
  tier: 'critical',
  slo: 99.95,
  dependencies: [
    {
      entityRef: 'component:default/payments',
      tier: 'critical',
      slo: 99.9,
      hard: true,
    },
    {
      entityRef: 'component:default/recommendations',
      tier: 'low',
      slo: 99,
      hard: false,
    },
    {
      entityRef: 'component:default/inventory',
      tier: 'low',
      slo: 99.5,
      hard: true,
    },
  ],
  dependents: [
    {
      entityRef: 'component:default/checkout',
      tier: 'critical',
      slo: 99.99,
      hard: true,
    },
  ],
  compositeAvailability: 99.4005,
  weakestLink: 'component:default/inventory',
  tierInversionPath: [
    'component:default/orders',
    'component:default/inventory',
  ],
  blastRadius: { direct: 1, transitive: 4 },
};

/** A campaign of the critical and high services, one team late. */
export const campaign: CampaignWithProgress = {
  id: 'c-1',
  name: 'Critical and high at silver',
  goal: { kind: 'level', level: 'silver' },
  scope: { tiers: ['critical', 'high'] },
  deadline: '2026-11-20',
  owner: 'group:default/platform-team',
  announces: { ruleId: 'ops.dashboard', enforcedFrom: '2027-01-15' },
  createdAt: '2026-11-01T09:00:00.000Z',
  createdBy: 'user:default/guest',
  updatedAt: '2026-11-01T09:00:00.000Z',
  archivedAt: null,
  progress: {
    total: 5,
    meeting: 3,
    teams: [
      {
        owner: 'group:default/checkout-team',
        total: 3,
        meeting: 1,
        late: true,
      },
      {
        owner: 'group:default/payments-team',
        total: 2,
        meeting: 2,
        late: false,
      },
    ],
    lateTeams: ['group:default/checkout-team'],
    burndown: [
      { day: '2026-11-24', remaining: 4, total: 5 },
      { day: '2026-11-25', remaining: 2, total: 5 },
    ],
  },
};

/** A MandateApi whose every method is a jest mock answering the fixtures above. */
export function mockMandateApi(
  overrides: Partial<Record<keyof MandateApi, jest.Mock>> = {},
): jest.Mocked<MandateApi> {
  return {
    getRules: jest.fn().mockResolvedValue(rules),
    getEntityReport: jest.fn().mockResolvedValue(ordersReport()),
    getReport: jest.fn().mockResolvedValue(reportPage()),
    getSummary: jest.fn().mockResolvedValue(summary),
    getHistory: jest.fn().mockResolvedValue(history),
    getGraph: jest.fn().mockResolvedValue(graph),
    getRequestPath: jest.fn().mockResolvedValue(requestPath),
    getApiView: jest.fn().mockResolvedValue(ordersApiView),
    evaluate: jest.fn().mockResolvedValue({
      id: 'ev-1',
      entityRef: 'component:default/orders',
      status: 'queued',
      requestedBy: 'user:default/guest',
      createdAt: '2026-11-26T06:00:00.000Z',
      finishedAt: null,
      failureReason: null,
    }),
    getEvaluation: jest.fn().mockResolvedValue({
      id: 'ev-1',
      entityRef: 'component:default/orders',
      status: 'succeeded',
      requestedBy: 'user:default/guest',
      createdAt: '2026-11-26T06:00:00.000Z',
      finishedAt: '2026-11-26T06:00:01.000Z',
      failureReason: null,
    }),
    exportCsv: jest.fn().mockResolvedValue('entityRef,score\n'),
    getWaivers: jest.fn().mockResolvedValue([]),
    listWaivers: jest.fn().mockResolvedValue([]),
    createWaiver: jest.fn().mockImplementation(async request => ({
      ...waiverFixture({ id: 'w-1', ...request }),
    })),
    approveWaiver: jest
      .fn()
      .mockImplementation(async id =>
        waiverFixture({ id, state: 'active', decidedBy: 'user:default/admin' }),
      ),
    denyWaiver: jest
      .fn()
      .mockImplementation(async id =>
        waiverFixture({ id, state: 'denied', decidedBy: 'user:default/admin' }),
      ),
    revokeWaiver: jest.fn().mockResolvedValue(undefined),
    getCampaigns: jest.fn().mockResolvedValue([campaign]),
    getCampaign: jest.fn().mockResolvedValue(campaign),
    createCampaign: jest
      .fn()
      .mockImplementation(async request => ({ ...campaign, ...request })),
    updateCampaign: jest.fn().mockImplementation(async (_id, request) => ({
      ...campaign,
      ...request,
    })),
    archiveCampaign: jest.fn().mockResolvedValue(undefined),
    ...overrides,
  } as jest.Mocked<MandateApi>;
}

/** A waiver as the API returns it: granted by the guest unless overridden. */
export function waiverFixture(overrides: Partial<Waiver> = {}): Waiver {
  return {
    id: 'w-1',
    entityRef: 'component:default/orders',
    ruleId: 'ops.runbook',
    reason: 'writing it',
    grantedBy: 'user:default/guest',
    createdAt: '2026-11-26T06:00:00.000Z',
    expiresAt: '2026-12-20T23:59:59.000Z',
    revokedAt: null,
    revokedBy: null,
    state: 'active',
    requestedBy: 'user:default/guest',
    decidedBy: 'user:default/guest',
    decidedAt: '2026-11-26T06:00:00.000Z',
    decisionComment: null,
    ...overrides,
  };
}
