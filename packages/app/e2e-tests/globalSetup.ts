import { expect, request as requestContext } from '@playwright/test';
import { BACKEND, demoReport, guestToken } from './backend';

/**
 * Runs once the portal answers, before any test: waits until the portal's stored results agree
 * with the CLI's report of the demo catalog, service by service (level and score). A fresh
 * portal's first evaluation can run while the catalog is still ingesting the demo, and catches
 * up through change detection (every 30 s); tests that read levels would otherwise race it.
 * A portal that never agrees with the CLI fails the suite here, naming the services.
 */
export default async function globalSetup() {
  const expected = demoReport();
  const request = await requestContext.newContext();
  const headers = { Authorization: `Bearer ${await guestToken(request)}` };
  const disagreeing = async () => {
    const wrong: string[] = [];
    for (const entity of expected) {
      const response = await request.get(
        `${BACKEND}/api/mandate/entities/${encodeURIComponent(
          entity.entityRef,
        )}`,
        { headers },
      );
      const stored = response.ok() ? await response.json() : undefined;
      if (stored?.level !== entity.level || stored?.score !== entity.score) {
        wrong.push(entity.entityRef);
      }
    }
    return wrong;
  };
  await expect
    .poll(disagreeing, {
      message: 'the portal scores the demo catalog as the CLI does',
      timeout: 240_000,
      intervals: [3_000],
    })
    .toEqual([]);
  await request.dispose();
}
