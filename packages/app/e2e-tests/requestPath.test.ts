import { screenshot } from './screenshot';
import { test, expect } from '@playwright/test';
import { openEntityTab, screenshotPath, signInAsGuest } from './helpers';
import { expectNoSeriousA11yViolations } from './accessibility';
import { expectUsableAt } from './expectUsableAt';

/**
 * The request path of the demo's storefront (catalog/resources/access-layer.yaml): the
 * storefront-lb keeps idle connections for 75 s, the storefront closes them after 60 s, so the
 * load balancer reuses dead connections (layers.keepalive-order).
 */
const KEEPALIVE_PROBLEM =
  'Keep-alive order: storefront-lb → storefront: keep-alive 75 s >= 60 s: storefront-lb must drop idle connections before storefront closes them';

test('the request path of storefront marks the keep-alive problem of its load balancer', async ({
  page,
}) => {
  test.setTimeout(240_000);
  await signInAsGuest(page, '/catalog/default/component/storefront');
  await openEntityTab(page, 'Request path');
  await expect(page).toHaveURL(/\/component\/storefront\/request-path$/);

  // Right after the portal starts, Mandate may not have read the catalog's storefront yet (the
  // tab then says "No request path yet"); its change detection reads it within a minute.
  const problems = page.getByRole('list', { name: 'Problems' });
  await expect(async () => {
    await page.reload();
    await expect(problems.getByRole('listitem')).toContainText(
      [KEEPALIVE_PROBLEM],
      { timeout: 5_000 },
    );
  }).toPass({ timeout: 150_000 });

  // In the graph: the edge is red and says so, the hops show both timeouts.
  const edge = page.getByTestId(
    'edge-resource:default/storefront-lb-component:default/storefront',
  );
  await expect(edge).toBeVisible();
  await expect(edge).toContainText('keep-alive');
  await expect(
    page.getByTestId('hop-resource:default/storefront-lb'),
  ).toContainText('keep-alive 75 s');
  await expect(
    page.getByTestId('hop-resource:default/storefront-lb'),
  ).toContainText('keep-alive conflicts with storefront');
  await expect(
    page.getByTestId('hop-component:default/storefront'),
  ).toContainText('keep-alive 60 s');
  // Soft dependencies are dashed.
  await expect(
    page.getByTestId(
      'edge-component:default/storefront-component:default/reviews',
    ),
  ).toHaveAttribute('data-soft', 'true');

  // Every hop in the table, down to the database clusters.
  const hops = page.getByLabel('Hops', { exact: true });
  await expect(
    hops.getByRole('row').filter({ hasText: 'storefront-lb' }),
  ).toContainText('75 s');
  await expect(
    hops.getByRole('row').filter({ hasText: 'pg-core' }),
  ).toContainText('infrastructure');
  await screenshot(page, 'request-path.png');
  await page
    .getByRole('figure', { name: /^Request path graph of storefront/ })
    .screenshot({ path: screenshotPath('request-path-graph.png') });
  await expectNoSeriousA11yViolations(page, 'the request path view');
  await expectUsableAt(page, 1024, 'request-path-1024.png');
  await expectUsableAt(page, 390, 'request-path-phone.png');

  // The load balancer shows the same keep-alive chain, centred on it.
  await page.goto('/catalog/default/resource/storefront-lb');
  await openEntityTab(page, 'Request path');
  await expect(
    page.getByRole('list', { name: 'Problems' }).getByRole('listitem'),
  ).toContainText([KEEPALIVE_PROBLEM]);
});

test('the API gateway shows the keep-alive chain it sits in: api-lb, the gateway, the services it calls', async ({
  page,
}) => {
  test.setTimeout(240_000);
  // api-lb (20 s) -> api-gateway (30 s) -> product-catalog, search, user-profile (65 s each):
  // every caller drops idle connections first, so the chain is in order.
  await signInAsGuest(page, '/catalog/default/component/api-gateway');
  await openEntityTab(page, 'Request path');
  await expect(page).toHaveURL(/\/component\/api-gateway\/request-path$/);
  const gateway = page.getByTestId('hop-component:default/api-gateway');
  await expect(async () => {
    await page.reload();
    await expect(gateway).toContainText('keep-alive 30 s', { timeout: 5_000 });
  }).toPass({ timeout: 150_000 });
  await expect(page.getByTestId('hop-resource:default/api-lb')).toContainText(
    'keep-alive 20 s',
  );
  for (const service of ['product-catalog', 'search', 'user-profile']) {
    await expect(
      page.getByTestId(`hop-component:default/${service}`),
    ).toContainText('keep-alive 65 s');
  }
  // Drawn: a straight edge has an empty box, so "visible" does not apply to it.
  await expect(
    page.getByTestId(
      'edge-resource:default/api-lb-component:default/api-gateway',
    ),
  ).toHaveCount(1);
  await expect(
    page.getByTestId(
      'edge-component:default/api-gateway-component:default/search',
    ),
  ).not.toContainText('keep-alive');
  await expect(page.getByText(/keep-alive conflicts/)).toHaveCount(0);
  await screenshot(page, 'request-path-gateway.png');
  await expectNoSeriousA11yViolations(page, 'the request path of a gateway');
});
