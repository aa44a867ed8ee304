import fs from 'node:fs';
import path from 'node:path';
import { test, expect, APIRequestContext } from '@playwright/test';
import { BACKEND, guestToken } from './backend';
import { signInAsGuest, screenshotPath } from './helpers';

/**
 * Onboarding through the template "New service following the Mandate"
 * (catalog/templates/new-service): the scaffolder generates the service, mandate:check scores
 * it with the live catalog, mandate:publish:local publishes it into catalog/generated/<name>
 * and registers it, and the Mandate backend rates it. A critical service that would call a
 * low-tier one is refused with the reason.
 */

const TEMPLATE_REF = 'template:default/new-mandate-service';
const GENERATED = path.resolve(__dirname, '../../../catalog/generated');

/** A unique name per run, so runs never collide with each other or with leftovers. */
function uniqueName(prefix: string): string {
  return `${prefix}-${Date.now().toString(36)}`;
}

interface TaskEvent {
  type: string;
  body: { message?: string; status?: string; output?: Record<string, unknown> };
}

/** Runs the template through the scaffolder API and waits for the task to finish. */
async function runTemplate(
  request: APIRequestContext,
  values: Record<string, unknown>,
) {
  const headers = { Authorization: `Bearer ${await guestToken(request)}` };
  // On a fresh backend the catalog first ingests the demo catalog: the template and the
  // services chosen as dependencies must be there.
  const refs = [TEMPLATE_REF, ...((values.dependencies as string[]) ?? [])];
  for (const ref of refs) {
    const [kind, rest] = ref.split(':');
    await expect
      .poll(
        async () =>
          (
            await request.get(
              `${BACKEND}/api/catalog/entities/by-name/${kind}/${rest}`,
              {
                headers,
              },
            )
          ).status(),
        { timeout: 120_000, intervals: [2_000] },
      )
      .toBe(200);
  }
  const created = await request.post(`${BACKEND}/api/scaffolder/v2/tasks`, {
    headers,
    data: { templateRef: TEMPLATE_REF, values },
  });
  expect(created.status(), await created.text()).toBe(201);
  const { id } = await created.json();

  let status = '';
  await expect
    .poll(
      async () => {
        const response = await request.get(
          `${BACKEND}/api/scaffolder/v2/tasks/${id}`,
          { headers },
        );
        status = response.ok() ? (await response.json()).status : 'unknown';
        return ['completed', 'failed', 'cancelled'].includes(status);
      },
      { timeout: 90_000, intervals: [1_000] },
    )
    .toBe(true);

  const events: TaskEvent[] = await (
    await request.get(`${BACKEND}/api/scaffolder/v2/tasks/${id}/events`, {
      headers,
    })
  ).json();
  const log = events.map(event => event.body.message ?? '').join('\n');
  const completion = events.find(event => event.type === 'completion');
  return { status, log, output: completion?.body.output ?? {}, headers };
}

/** Unregisters what the run published and deletes its folder, so the demo catalog stays as shipped. */
async function cleanUp(request: APIRequestContext, name: string) {
  const headers = { Authorization: `Bearer ${await guestToken(request)}` };
  const location = await request.get(
    `${BACKEND}/api/catalog/locations/by-entity/component/default/${name}`,
    { headers },
  );
  if (location.ok()) {
    await request.delete(
      `${BACKEND}/api/catalog/locations/${(await location.json()).id}`,
      {
        headers,
      },
    );
  }
  for (const ref of [
    `component/default/${name}`,
    `api/default/${name}-api`,
    `resource/default/${name}-db`,
  ]) {
    const entity = await request.get(
      `${BACKEND}/api/catalog/entities/by-name/${ref}`,
      { headers },
    );
    if (entity.ok()) {
      const uid = (await entity.json()).metadata.uid;
      await request.delete(`${BACKEND}/api/catalog/entities/by-uid/${uid}`, {
        headers,
      });
    }
  }
  fs.rmSync(path.join(GENERATED, name), { recursive: true, force: true });
}

const FORM = {
  description: 'Issues and redeems gift cards (end-to-end test)',
  owner: 'group:default/payments-team',
  system: 'system:default/commerce',
  platformTemplate: 'node-22-express',
  keyMetrics: ['availability', 'latency-p99', 'error-rate'],
  needsDatabase: true,
};

test('a new service from the template lands in the catalog and Mandate rates it gold', async ({
  request,
}) => {
  test.setTimeout(300_000);
  const name = uniqueName('gift-cards');
  try {
    // High tier, 99.5 %, calling product-catalog (critical, 99.99 %): nothing breaks a rule.
    const run = await runTemplate(request, {
      ...FORM,
      name,
      tier: 'high',
      slo: '99.5',
      dependencies: ['component:default/product-catalog'],
    });
    expect(run.status, run.log).toBe('completed');
    expect(run.log).toContain(
      `Mandate: component:default/${name} reaches gold with a score of 100`,
    );
    expect(fs.existsSync(path.join(GENERATED, name, 'catalog-info.yaml'))).toBe(
      true,
    );

    const ref = `component:default/${name}`;
    const { headers } = run;

    // In the catalog right away (processing takes a few seconds), consuming the API of the
    // service it calls rather than depending on the service.
    let entity: any;
    await expect
      .poll(
        async () => {
          const response = await request.get(
            `${BACKEND}/api/catalog/entities/by-name/component/default/${name}`,
            { headers },
          );
          entity = response.ok() ? await response.json() : undefined;
          return (
            entity?.relations?.some((r: any) => r.type === 'consumesApi') ??
            false
          );
        },
        { timeout: 60_000, intervals: [1_000] },
      )
      .toBe(true);
    expect(entity.spec.consumesApis).toEqual([
      'api:default/product-catalog-api',
    ]);
    expect(entity.spec.dependsOn).toEqual([`resource:${name}-db`]);

    // Mandate rates it gold: ask for an immediate evaluation rather than waiting for change
    // detection, then read the stored report.
    await expect
      .poll(
        async () => {
          const queued = await request.post(`${BACKEND}/api/mandate/evaluate`, {
            headers,
            data: { entityRef: ref },
          });
          if (queued.status() !== 202) return `evaluate: ${queued.status()}`;
          const { id } = await queued.json();
          let state = 'queued';
          let reason = '';
          for (
            let i = 0;
            i < 30 && ['queued', 'running'].includes(state);
            i++
          ) {
            await new Promise(resolve => setTimeout(resolve, 1_000));
            const evaluation = await request.get(
              `${BACKEND}/api/mandate/evaluations/${id}`,
              { headers },
            );
            const body = evaluation.ok() ? await evaluation.json() : {};
            state = body.status ?? 'unknown';
            reason = body.failureReason ?? '';
          }
          const report = await request.get(
            `${BACKEND}/api/mandate/entities/${encodeURIComponent(ref)}`,
            { headers },
          );
          if (!report.ok()) {
            return `report: ${report.status()} (evaluation ${state} ${reason.slice(
              -200,
            )})`;
          }
          const { level, score } = await report.json();
          return `${level} ${score}`;
        },
        { timeout: 120_000, intervals: [2_000] },
      )
      .toBe('gold 100');
  } finally {
    await cleanUp(request, name);
  }
});

test('a critical service calling a low-tier one is refused with the reason', async ({
  request,
}) => {
  test.setTimeout(240_000);
  const name = uniqueName('fast-checkout');
  try {
    const run = await runTemplate(request, {
      ...FORM,
      name,
      owner: 'group:default/checkout-team',
      tier: 'critical',
      slo: '99.9',
      dependencies: ['component:default/recommendations'],
    });
    expect(run.status, run.log).toBe('failed');
    expect(run.log).toContain('The Mandate requires gold');
    expect(run.log).toContain('deps.no-tier-inversion');
    expect(run.log).toMatch(
      new RegExp(
        `${name} \\(critical\\) -> component:default/recommendations \\(low\\)`,
      ),
    );
    // Nothing was published.
    expect(run.log).toContain(
      'Skipping step publish because a previous step failed',
    );
    expect(fs.existsSync(path.join(GENERATED, name))).toBe(false);
  } finally {
    await cleanUp(request, name);
  }
});

test('the template form in the portal explains a refusal', async ({
  page,
  request,
}) => {
  test.setTimeout(240_000);
  await guestToken(request); // the backend answers (it restarts when files change)
  await signInAsGuest(page, '/create');
  await expect(
    page.getByText('New service following the Mandate').first(),
  ).toBeVisible();
  await page.screenshot({
    path: screenshotPath('onboarding-templates.png'),
    fullPage: true,
  });

  // The service: a critical one of the checkout team...
  await page.goto('/create/templates/default/new-mandate-service');
  await page.getByLabel('Name').first().fill(uniqueName('ui-checkout'));
  await page
    .getByLabel('Description')
    .first()
    .fill('Drafted in the end-to-end test');
  const owner = page.getByLabel('Owning team').first();
  await owner.click();
  await owner.fill('checkout');
  await page
    .getByRole('option', { name: /Checkout team/ })
    .first()
    .click();
  await page.screenshot({
    path: screenshotPath('onboarding-form.png'),
    fullPage: true,
  });
  await page.getByRole('button', { name: 'Next' }).click();

  await page.getByLabel('Tier').first().click();
  await page.getByRole('option', { name: /^Critical/ }).click();
  await page.getByRole('button', { name: 'Next' }).click();

  // ... calling the low-tier recommendations service without a fallback.
  const dependencies = page.getByLabel('Services it will call').first();
  await dependencies.click();
  await dependencies.fill('recommendations');
  await page
    .getByRole('option', { name: /recommendations/ })
    .first()
    .click();
  await page.keyboard.press('Escape');
  await page.getByRole('button', { name: 'Review' }).click();
  await expect(
    page.getByText('component:default/recommendations').first(),
  ).toBeVisible();
  await page.screenshot({
    path: screenshotPath('onboarding-review.png'),
    fullPage: true,
  });

  await page.getByRole('button', { name: 'Create' }).click();
  await expect(page.getByText(/deps\.no-tier-inversion/).first()).toBeVisible({
    timeout: 60_000,
  });
  await page.screenshot({
    path: screenshotPath('onboarding-refused.png'),
    fullPage: true,
  });
});
