/** The outcome of one rule for one entity (rulebook section 3). @public */
export type RuleStatus =
  | 'pass'
  | 'fail'
  | 'waived'
  | 'not-applicable'
  | 'error';

/** @public */
export const RULE_STATUSES: readonly RuleStatus[] = [
  'pass',
  'fail',
  'waived',
  'not-applicable',
  'error',
];

/** The level a rule belongs to, from the easiest to the hardest. @public */
export type RuleLevel = 'bronze' | 'silver' | 'gold';

/** @public */
export const RULE_LEVELS: readonly RuleLevel[] = ['bronze', 'silver', 'gold'];

/** The level an entity reaches; `none` when it misses a bronze rule. @public */
export type Level = RuleLevel | 'none';

/** @public */
export const LEVELS: readonly Level[] = ['none', 'bronze', 'silver', 'gold'];

/** Service tiers, from the most to the least critical. @public */
export type Tier = 'critical' | 'high' | 'medium' | 'low';

/** @public */
export const TIERS: readonly Tier[] = ['critical', 'high', 'medium', 'low'];

/** The sections of the rulebook; every rule belongs to one. @public */
export type Tenet =
  | 'ownership'
  | 'interfaces'
  | 'externalizable-interfaces'
  | 'operations'
  | 'dependencies'
  | 'standards-and-layers';

/** @public */
export const TENETS: readonly { id: Tenet; title: string }[] = [
  { id: 'ownership', title: 'A two-pizza team owns it end to end' },
  { id: 'interfaces', title: 'Everything through service interfaces' },
  { id: 'externalizable-interfaces', title: 'Externalizable interfaces' },
  { id: 'operations', title: 'Operations first: design for failure' },
  { id: 'dependencies', title: 'Governance of the call graph' },
  { id: 'standards-and-layers', title: 'Standards and layers' },
];
