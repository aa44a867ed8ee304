import { RuleLevel, Tenet } from './status';

/** The built-in rules of rulebook v1, in rulebook order. Ids are a public contract. */
export const BUILT_IN_RULES = [
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
] as const satisfies readonly { id: string; tenet: Tenet; level: RuleLevel }[];

export type BuiltInRuleId = (typeof BUILT_IN_RULES)[number]['id'];

export const RULEBOOK_VERSION = '1';

/** What the UI and the API show about a rule; the evaluate function stays in the node package. */
export interface RuleDescription {
  id: string;
  tenet: Tenet;
  level: RuleLevel;
  title: string;
  /** What the rule checks, one or two sentences. */
  description: string;
  /** The principle it enforces. */
  rationale: string;
  remediation: {
    text: string;
    /** A snippet that fixes the failure, ready to paste. */
    snippet: string;
    language: 'yaml';
  };
}
