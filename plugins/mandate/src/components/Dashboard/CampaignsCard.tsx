import useAsync from 'react-use/esm/useAsync';
import { Card, CardBody, CardHeader, Flex, Link, Text } from '@backstage/ui';
import { useApi, useRouteRef } from '@backstage/frontend-plugin-api';
import { mandateApiRef } from '../../api';
import { campaignRouteRef, campaignsRouteRef } from '../../routes';
import { TONE_COLORS } from '../../lib/tones';
import { plural } from '../../lib/plural';
import { shortRef } from '../../lib/campaignText';
import { CampaignTeamProgress } from '@mandate-dev/plugin-mandate-common';
import { AsyncView } from '../common/AsyncView';
import { CampaignProgressBar } from '../Campaigns/CampaignProgressBar';

/** The dashboard's compact view of the open campaigns: progress, deadline and late teams. */
export function CampaignsCard() {
  const api = useApi(mandateApiRef);
  const campaignsLink = useRouteRef(campaignsRouteRef);
  const campaignLink = useRouteRef(campaignRouteRef);
  const campaigns = useAsync(() => api.getCampaigns(), [api]);
  return (
    <Card>
      <CardHeader>
        <Flex justify="between" align="center">
          <Text as="h3" variant="title-x-small">
            Campaigns
          </Text>
          {campaignsLink && <Link href={campaignsLink()}>All campaigns</Link>}
        </Flex>
      </CardHeader>
      <CardBody>
        <AsyncView
          loading={campaigns.loading}
          error={campaigns.error}
          value={campaigns.value}
        >
          {items =>
            items.length === 0 ? (
              <Text as="p" color="secondary">
                No campaign is running.
              </Text>
            ) : (
              <Flex direction="column" gap="3" data-testid="campaigns-card">
                {items.map(campaign => (
                  <Flex key={campaign.id} direction="column" gap="1">
                    <Flex
                      justify="between"
                      gap="2"
                      style={{ flexWrap: 'wrap' }}
                    >
                      {campaignLink ? (
                        <Link href={campaignLink({ campaignId: campaign.id })}>
                          {campaign.name}
                        </Link>
                      ) : (
                        <Text as="span">{campaign.name}</Text>
                      )}
                      <Text as="span" variant="body-small" color="secondary">
                        by {campaign.deadline}
                        {campaign.progress.lateTeams.length > 0 && (
                          <Text
                            as="span"
                            variant="body-small"
                            style={{ color: TONE_COLORS.danger }}
                          >
                            {' · '}
                            {plural(
                              campaign.progress.lateTeams.length,
                              'team',
                            )}{' '}
                            late
                          </Text>
                        )}
                      </Text>
                    </Flex>
                    <CampaignProgressBar
                      meeting={campaign.progress.meeting}
                      total={campaign.progress.total}
                      label={`Progress of ${campaign.name}`}
                    />
                    <TeamLine teams={campaign.progress.teams} />
                  </Flex>
                ))}
              </Flex>
            )
          }
        </AsyncView>
      </CardBody>
    </Card>
  );
}

/** How many teams a card names; the campaign's page lists them all. */
const TEAMS_SHOWN = 4;

/** Per team, services meeting the goal out of those in scope; late teams first and marked. */
function TeamLine(props: { teams: CampaignTeamProgress[] }) {
  const { teams } = props;
  if (teams.length === 0) return null;
  const shown = [...teams]
    .sort((a, b) => Number(b.late) - Number(a.late))
    .slice(0, TEAMS_SHOWN);
  return (
    <Text as="p" variant="body-small" data-testid="campaign-teams">
      {shown.map((team, index) => (
        <span key={team.owner ?? 'none'}>
          {index > 0 && ' · '}
          <span style={team.late ? { color: TONE_COLORS.danger } : undefined}>
            {team.owner ? shortRef(team.owner) : 'no owner'} {team.meeting}/
            {team.total}
            {team.late && ' (late)'}
          </span>
        </span>
      ))}
      {teams.length > TEAMS_SHOWN &&
        ` · ${plural(teams.length - TEAMS_SHOWN, 'more team')}`}
    </Text>
  );
}
