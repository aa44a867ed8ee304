import { RuleLevel, Tenet } from '@mandate-dev/plugin-mandate-common';

/**
 * The rules of rulebook v1.1 (/work/shared/rulebook.md section 3), in rulebook order: the
 * contract the built-in rules are tested against. Tests only; the rules themselves are the
 * one source everywhere else.
 */
export const RULEBOOK_RULES: readonly {
  id: string;
  tenet: Tenet;
  level: RuleLevel;
}[] = [
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
