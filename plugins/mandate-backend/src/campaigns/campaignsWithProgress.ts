import {
  Campaign,
  CampaignWithProgress,
} from '@mandate-dev/plugin-mandate-common';
import { ResultStore } from '../store/ResultStore';
import { buildCampaignProgress } from './buildCampaignProgress';

const DAY_MS = 24 * 60 * 60 * 1000;
/** How far back a burn-down reaches before the campaign started. */
const BURNDOWN_LEAD_DAYS = 30;

/**
 * Campaigns with their progress at `now`, from the latest figures of every service and the
 * history their burn-downs need. GET /campaigns and the list-campaigns action both answer
 * with it, so an agent sees the figures the UI shows.
 */
export async function campaignsWithProgress(
  items: Campaign[],
  results: ResultStore,
  now: Date,
): Promise<CampaignWithProgress[]> {
  const latest = await results.scores({});
  const today = now.toISOString().slice(0, 10);
  const refs = latest.map(row => row.entityRef);
  const earliest = items.reduce(
    (min, c) => (c.createdAt < min ? c.createdAt : min),
    now.toISOString(),
  );
  const history =
    items.length > 0
      ? await results.historyOf(refs, burndownStart(earliest), today)
      : [];
  return items.map(campaign => {
    const start = burndownStart(campaign.createdAt);
    return {
      ...campaign,
      progress: buildCampaignProgress(
        campaign,
        latest,
        history.filter(h => h.day >= start),
        today,
      ),
    };
  });
}

function burndownStart(createdAt: string): string {
  return new Date(new Date(createdAt).getTime() - BURNDOWN_LEAD_DAYS * DAY_MS)
    .toISOString()
    .slice(0, 10);
}
