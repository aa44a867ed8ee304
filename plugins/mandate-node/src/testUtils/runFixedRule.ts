import {
  RuleOptionSchemas,
  RuleOptionValues,
} from '@mandate-dev/plugin-mandate-common';
import { Entity } from '@backstage/catalog-model';
import { parse } from 'yaml';
import { SnapshotInput } from '../catalog';
import { MandateConfig } from '../config';
import { MandateRule } from '../rules/MandateRule';
import { RuleOutcome } from '../rules/RuleOutcome';
import { applyFix } from './applyFix';
import { runRule } from './runRule';

/**
 * Runs a rule, applies the mechanical fix of its failing outcome to the catalog, and runs it
 * again: what a rule test asserts is that the second run passes.
 */
export function runFixedRule<T extends RuleOptionSchemas>(
  rule: MandateRule<T>,
  catalog: (Entity | SnapshotInput)[],
  serviceRef: string,
  overrides: {
    options?: Partial<RuleOptionValues<T>>;
    config?: Partial<MandateConfig>;
  } = {},
): { before: RuleOutcome; after: RuleOutcome; edit: any } {
  const before = runRule(rule, catalog, serviceRef, overrides);
  if (!before.fix) throw new Error(`${rule.id} gave no fix: ${before.message}`);
  if (before.fix.decision)
    throw new Error(`${rule.id} gave a decision: ${before.fix.text}`);
  const inputs = catalog.map(item =>
    'entity' in item ? item : { entity: item },
  );
  const after = runRule(
    rule,
    applyFix(inputs, before.fix, serviceRef),
    serviceRef,
    overrides,
  );
  const edit =
    before.fix.language === 'yaml' ? parse(before.fix.snippet) : undefined;
  return { before, after, edit };
}
