import { expect, Page } from '@playwright/test';
import AxeBuilder from '@axe-core/playwright';

/**
 * A violation accepted on one kind of element only, because it comes from a component the
 * page does not own (e.g. Backstage's own table headers); say why where it is used.
 */
export interface AcceptedViolation {
  /** The axe rule id, e.g. `nested-interactive`. */
  rule: string;
  /** Matches the CSS selector axe reports for the offending element. */
  target: RegExp;
}

/**
 * Runs axe (WCAG 2.0/2.1 A and AA rules) on the page as it is and fails on any serious or
 * critical violation, listing each with the elements it found; an accepted violation is left
 * out on exactly the elements it names, and still counts everywhere else.
 */
export async function expectNoSeriousA11yViolations(
  page: Page,
  what: string,
  accepted: AcceptedViolation[] = [],
) {
  const results = await new AxeBuilder({ page })
    .withTags(['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa'])
    .analyze();
  const isAccepted = (rule: string, target: string) =>
    accepted.some(a => a.rule === rule && a.target.test(target));
  const serious = results.violations
    .filter(v => v.impact === 'serious' || v.impact === 'critical')
    .map(v => ({
      rule: v.id,
      impact: v.impact,
      help: v.help,
      nodes: v.nodes
        .map(node => ({
          target: node.target.join(' '),
          summary: node.failureSummary,
        }))
        .filter(node => !isAccepted(v.id, node.target)),
    }))
    .filter(v => v.nodes.length > 0)
    .map(v => ({ ...v, nodes: v.nodes.slice(0, 5) }));
  expect(serious, `serious or critical axe violations on ${what}`).toEqual([]);
}
