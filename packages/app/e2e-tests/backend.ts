import { APIRequestContext, expect } from '@playwright/test';
import { execFileSync } from 'node:child_process';
import path from 'node:path';

/** The backend the suite talks to directly (REST API calls next to the browser). */
export const BACKEND = process.env.BACKEND_URL ?? 'http://localhost:7007';

const REPO = path.resolve(__dirname, '../../..');

/** A service of the CLI's report (rulebook section 4), as far as the suite reads it. */
export interface ReportEntity {
  entityRef: string;
  owner: string | null;
  tier: string | null;
  level: string;
  score: number;
}

/**
 * The CLI's report of the demo catalog: the portal runs the same engine, so once it has
 * evaluated the catalog it agrees with this.
 */
export function demoReport(): ReportEntity[] {
  const json = execFileSync(
    process.execPath,
    [
      path.join(REPO, 'plugins/mandate-node/bin/mandate'),
      'check',
      'catalog',
      '--format',
      'json',
    ],
    { cwd: REPO, encoding: 'utf8', maxBuffer: 64 * 1024 * 1024 },
  );
  return JSON.parse(json).entities;
}

/**
 * A guest token. The backend restarts whenever a file of the repository changes
 * (`backstage-cli package start`), so it is asked again until it answers.
 */
export async function guestToken(request: APIRequestContext): Promise<string> {
  let token = '';
  await expect
    .poll(
      async () => {
        const response = await request
          .post(`${BACKEND}/api/auth/guest/refresh`, {
            headers: { 'Content-Type': 'application/json' },
          })
          .catch(() => undefined);
        if (!response?.ok()) return false;
        token = (await response.json()).backstageIdentity.token;
        return true;
      },
      { timeout: 180_000, intervals: [2_000] },
    )
    .toBe(true);
  return token;
}
