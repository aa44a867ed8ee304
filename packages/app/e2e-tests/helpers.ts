import { Page } from '@playwright/test';
import path from 'node:path';

/** Screenshots land in a git-ignored folder at the repository root. */
export function screenshotPath(name: string): string {
  return path.resolve(__dirname, '../../../e2e-screenshots', name);
}

/** Opens the portal and enters as the guest user, as the demo's sign-in page offers. */
export async function signInAsGuest(page: Page, url = '/'): Promise<void> {
  await page.goto(url);
  const enter = page.getByRole('button', { name: 'Enter' });
  await enter.click();
}

/**
 * A screenshot of the whole page with the sidebar drawn along all of it: the viewport is grown to
 * the page's height first (a full-page capture would leave the fixed sidebar at the top).
 */
export async function screenshotWholePage(
  page: Page,
  name: string,
): Promise<void> {
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

/** Opens one of the entity page's tabs (links below the header, next to "Overview"). */
export async function openEntityTab(page: Page, title: string): Promise<void> {
  const tab = page
    .getByRole('tab', { name: title, exact: true })
    .or(page.getByRole('main').getByRole('link', { name: title, exact: true }))
    .first();
  await tab.click();
}
