import { Config } from '@backstage/config';
import { LoggerService } from '@backstage/backend-plugin-api';
import { CampaignRequest } from '@mandate-dev/plugin-mandate-common';
import { MandateEvaluator } from '../evaluation/MandateEvaluator';
import { CampaignStore } from './CampaignStore';
import { normaliseCampaignRequest } from './normaliseCampaignRequest';

/** Who created a campaign seeded from config. */
export const SEEDED_BY = 'mandate:config';

/**
 * Creates the campaigns listed under `mandate.campaigns.seed` that do not exist yet (by name,
 * archived ones included, so an archived seed stays archived): a fresh portal shows one
 * campaign on first start without anyone calling the API. A seed that is not a valid campaign
 * is logged and skipped; it never stops the backend.
 */
export async function seedCampaigns(options: {
  config: Config;
  campaigns: CampaignStore;
  evaluator: MandateEvaluator;
  ruleIds: ReadonlySet<string>;
  logger: LoggerService;
}): Promise<number> {
  const { config, campaigns, evaluator, logger } = options;
  let created = 0;
  for (const seed of config.getOptionalConfigArray('mandate.campaigns.seed') ??
    []) {
    const raw = seed.get() as unknown as CampaignRequest;
    try {
      if (await campaigns.hasName(String(raw.name ?? '').trim())) continue;
      const request = normaliseCampaignRequest(
        { ...raw, scope: raw.scope ?? {} },
        options.ruleIds,
      );
      await campaigns.create(
        request,
        SEEDED_BY,
        evaluator.now(),
        request.announces ? tx => evaluator.rescoreAll(tx) : undefined,
      );
      created++;
    } catch (error) {
      // Another replica seeded it at the same time.
      if ((error as Error).name === 'ConflictError') continue;
      logger.warn(
        `Skipped the campaign seed ${JSON.stringify(raw.name)}: ${
          (error as Error).message
        }`,
      );
    }
  }
  return created;
}
