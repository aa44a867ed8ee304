import {
  AuthService,
  BackstageCredentials,
  DiscoveryService,
} from '@backstage/backend-plugin-api';
import { InputError } from '@backstage/errors';
import { CheckResponse } from '@mandate-dev/plugin-mandate-common';
import { SnapshotInput } from '@mandate-dev/plugin-mandate-node';

/**
 * Asks the Mandate backend (`POST /api/mandate/check`) how the catalog would score these
 * entities once they land: laid over its live catalog, with every rule it runs (custom ones
 * included) and its config, so that onboarding and the portal judge alike. The request goes
 * on behalf of `credentials` (the task's initiator). The entities travel with what the loader
 * read for them (inline definitions, runbook texts): the backend reads no file for them.
 */
export async function requestMandateCheck(options: {
  discovery: DiscoveryService;
  auth: AuthService;
  credentials: BackstageCredentials;
  inputs: readonly SnapshotInput[];
}): Promise<CheckResponse> {
  const { discovery, auth, credentials, inputs } = options;
  const entities = inputs.map(({ entity, runbook, definitionReadError }) => ({
    entity,
    ...(runbook ? { runbook } : {}),
    ...(definitionReadError !== undefined ? { definitionReadError } : {}),
  }));

  let url = 'the Mandate backend';
  let response: Response;
  try {
    url = `${await discovery.getBaseUrl('mandate')}/check`;
    const { token } = await auth.getPluginRequestToken({
      onBehalfOf: credentials,
      targetPluginId: 'mandate',
    });
    response = await fetch(url, {
      method: 'POST',
      headers: {
        'Content-Type': 'application/json',
        Authorization: `Bearer ${token}`,
      },
      body: JSON.stringify({ entities }),
    });
  } catch (error) {
    throw new Error(
      `The Mandate check could not reach ${url}: ${describeError(error)}`,
    );
  }

  if (!response.ok) {
    const reason = `${response.status} ${await errorMessageOf(response)}`;
    // 400 and 413 judge the generated files (too many, too large, not entities): the template's
    // input. Anything else is the backend's problem, not the author's.
    if (response.status === 400 || response.status === 413) {
      throw new InputError(`The Mandate backend refused the check: ${reason}`);
    }
    throw new Error(`The Mandate backend failed the check: ${reason}`);
  }
  return (await response.json()) as CheckResponse;
}

/** The message of a Backstage error body, or the status text. */
async function errorMessageOf(response: Response): Promise<string> {
  try {
    const body = await response.json();
    if (typeof body?.error?.message === 'string') return body.error.message;
  } catch {
    // Not JSON: the status text says enough.
  }
  return response.statusText;
}

function describeError(error: unknown): string {
  const { message, cause } = error as { message?: string; cause?: unknown };
  const detail = (cause as { message?: string } | undefined)?.message;
  return [message ?? String(error), detail].filter(Boolean).join(': ');
}
