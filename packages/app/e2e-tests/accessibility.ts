import { expect, Page } from '@playwright/test';
import AxeBuilder from '@axe-core/playwright';

/**
 * Runs axe (WCAG 2.0/2.1 A and AA rules) on the page as it is and fails on any serious or
 * critical violation, listing each with the elements it found.
 */
export async function expectNoSeriousA11yViolations(page: Page, what: string) {
  const results = await new AxeBuilder({ page })
    .withTags(['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa'])
    .analyze();
  const serious = results.violations
    .filter(v => v.impact === 'serious' || v.impact === 'critical')
    .map(v => ({
      rule: v.id,
      impact: v.impact,
      help: v.help,
      nodes: v.nodes.slice(0, 5).map(node => ({
        target: node.target.join(' '),
        summary: node.failureSummary,
      })),
    }));
  expect(serious, `serious or critical axe violations on ${what}`).toEqual([]);
}
