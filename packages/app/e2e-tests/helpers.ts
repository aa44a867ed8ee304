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

/** Opens one of the entity page's tabs (links below the header, next to "Overview"). */
export async function openEntityTab(page: Page, title: string): Promise<void> {
  const tab = page
    .getByRole('tab', { name: title, exact: true })
    .or(page.getByRole('main').getByRole('link', { name: title, exact: true }))
    .first();
  await tab.click();
}
