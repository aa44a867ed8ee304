import { expect, Page } from '@playwright/test';
import { screenshot } from './screenshot';

/**
 * At this width (1024 px, a phone's 390 px) the page needs no sideways scrolling; a screenshot
 * shows how it looks. The viewport is put back afterwards.
 */
export async function expectUsableAt(page: Page, width: number, name: string) {
  const before = page.viewportSize();
  await page.setViewportSize({ width, height: 900 });
  await page.waitForTimeout(300);
  const overflow = await page.evaluate(
    () =>
      document.documentElement.scrollWidth -
      document.documentElement.clientWidth,
  );
  expect(overflow, `horizontal overflow at ${width} px`).toBeLessThanOrEqual(0);
  await screenshot(page, name);
  if (before) await page.setViewportSize(before);
}
