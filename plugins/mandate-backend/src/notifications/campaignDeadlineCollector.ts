import { buildCampaignProgress } from '../campaigns/buildCampaignProgress';
import { CampaignStore } from '../campaigns/CampaignStore';
import { ResultStore } from '../store/ResultStore';
import { DigestItemCollector } from './DigestItem';

const DAY_MS = 24 * 60 * 60 * 1000;

/**
 * The open campaigns whose deadline (the last day, UTC) is at most `withinDays` days ahead,
 * told to every team with services in scope that do not meet the goal yet: once per campaign
 * and team, with how many of them are still open. Progress is the campaign page's
 * (buildCampaignProgress on the latest figures). A passed deadline is no longer "near": the
 * team shows as late on the campaign page instead.
 */
export function campaignDeadlineCollector(
  campaigns: CampaignStore,
  results: ResultStore,
  withinDays: number,
): DigestItemCollector {
  return {
    kind: 'campaign-deadline',
    async collect(now) {
      const today = now.toISOString().slice(0, 10);
      const until = new Date(now.getTime() + withinDays * DAY_MS)
        .toISOString()
        .slice(0, 10);
      const near = (await campaigns.list()).filter(
        campaign => campaign.deadline >= today && campaign.deadline <= until,
      );
      if (near.length === 0) return [];
      const latest = await results.scores({});
      return near.flatMap(campaign =>
        buildCampaignProgress(campaign, latest, [], today).teams.flatMap(
          team => {
            const open = team.total - team.meeting;
            return team.owner && open > 0
              ? [
                  {
                    kind: 'campaign-deadline',
                    key: `campaign-deadline:${campaign.id}:${team.owner}`,
                    recipient: team.owner,
                    text: `campaign "${campaign.name}" ends on ${
                      campaign.deadline
                    }: ${open} of ${team.total} ${
                      team.total === 1 ? 'service' : 'services'
                    } still open`,
                  },
                ]
              : [];
          },
        ),
      );
    },
  };
}
