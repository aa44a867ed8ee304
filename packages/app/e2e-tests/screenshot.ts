import { Page } from '@playwright/test';
import { screenshotPath } from './helpers';

/**
 * A screenshot of the whole page with the sidebar drawn along all of it: the viewport is grown to
 * the page's height first (a full-page capture would leave the fixed sidebar at the top).
 */
export async function screenshot(page: Page, name: string) {
  const viewport = page.viewportSize() ?? { width: 1280, height: 720 };
  const height = await page.evaluate(
    () => document.documentElement.scrollHeight,
  );
  await page.setViewportSize({
    width: viewport.width,
    height: Math.max(height, 720),
  });
  await page.waitForTimeout(300);
  await page.screenshot({ path: screenshotPath(name) });
  await page.setViewportSize(viewport);
}
