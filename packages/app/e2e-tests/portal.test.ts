import { test, expect } from '@playwright/test';
import { signInAsGuest, screenshotPath } from './helpers';

test('the portal loads and the catalog lists the demo services', async ({
  page,
}) => {
  await signInAsGuest(page);

  const nav = page.getByRole('navigation', { name: 'sidebar nav' });
  await expect(
    nav.getByRole('link', { name: 'Catalog', exact: true }),
  ).toBeVisible();

  // The catalog is the landing page; the demo services are Components of type service.
  for (const service of ['checkout', 'orders', 'payments', 'recommendations']) {
    await expect(
      page.getByRole('link', { name: service, exact: true }),
    ).toBeVisible();
  }
  await page.screenshot({
    path: screenshotPath('catalog.png'),
    fullPage: true,
  });
});
