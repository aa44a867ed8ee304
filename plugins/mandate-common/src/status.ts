/** The outcome of one rule for one entity (rulebook section 3). */
export type RuleStatus =
  | 'pass'
  | 'fail'
  | 'waived'
  | 'not-applicable'
  | 'error';

export const RULE_STATUSES: readonly RuleStatus[] = [
  'pass',
  'fail',
  'waived',
  'not-applicable',
  'error',
];

/** The level a rule belongs to, from the easiest to the hardest. */
export type RuleLevel = 'bronze' | 'silver' | 'gold';

export const RULE_LEVELS: readonly RuleLevel[] = ['bronze', 'silver', 'gold'];

/** The level an entity reaches; `none` when it misses a bronze rule. */
export type Level = RuleLevel | 'none';

export const LEVELS: readonly Level[] = ['none', 'bronze', 'silver', 'gold'];

/** Service tiers, from the most to the least critical. */
export type Tier = 'critical' | 'high' | 'medium' | 'low';

export const TIERS: readonly Tier[] = ['critical', 'high', 'medium', 'low'];

/** The sections of the rulebook; every rule belongs to one. */
export type Tenet =
  | 'ownership'
  | 'interfaces'
  | 'externalizable-interfaces'
  | 'operations'
  | 'dependencies'
  | 'standards-and-layers';

export const TENETS: readonly { id: Tenet; title: string }[] = [
  { id: 'ownership', title: 'A two-pizza team owns it end to end' },
  { id: 'interfaces', title: 'Everything through service interfaces' },
  { id: 'externalizable-interfaces', title: 'Externalizable interfaces' },
  { id: 'operations', title: 'Operations first: design for failure' },
  { id: 'dependencies', title: 'Governance of the call graph' },
  { id: 'standards-and-layers', title: 'Standards and layers' },
];
