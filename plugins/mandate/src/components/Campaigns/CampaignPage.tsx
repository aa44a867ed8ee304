import { useState } from 'react';
import { useNavigate } from 'react-router-dom';
import useAsyncRetry from 'react-use/esm/useAsyncRetry';
import useAsync from 'react-use/esm/useAsync';
import {
  Alert,
  Button,
  Card,
  CardBody,
  CardHeader,
  Container,
  Flex,
  Grid,
  Link,
  Text,
} from '@backstage/ui';
import { EmptyState } from '@backstage/core-components';
import {
  useApi,
  useRouteRef,
  useRouteRefParams,
} from '@backstage/frontend-plugin-api';
import { mandateApiRef } from '../../api';
import { campaignRouteRef, campaignsRouteRef } from '../../routes';
import { describeGoal, describeScope } from '../../lib/campaignText';
import { errorText } from '../../lib/errorText';
import { AsyncView } from '../common/AsyncView';
import { EntityLink } from '../common/EntityLink';
import { BurndownChart } from './BurndownChart';
import { CampaignForm } from './CampaignForm';
import { CampaignProgressBar } from './CampaignProgressBar';
import { CampaignTeamsTable } from './CampaignTeamsTable';
import { useCanManageCampaigns } from './useCanManageCampaigns';

/** /mandate/campaigns/:campaignId: one campaign's progress per team, burn-down, late teams. */
export function CampaignPage() {
  const { campaignId } = useRouteRefParams(campaignRouteRef);
  const api = useApi(mandateApiRef);
  const navigate = useNavigate();
  const campaignsLink = useRouteRef(campaignsRouteRef);
  const canManage = useCanManageCampaigns();
  const [editing, setEditing] = useState(false);
  const [archiveError, setArchiveError] = useState<Error>();
  const campaign = useAsyncRetry(
    () => api.getCampaign(campaignId),
    [api, campaignId],
  );
  const rules = useAsync(() => api.getRules(), [api]);

  return (
    <Container my="4">
      <AsyncView
        loading={campaign.loading}
        error={campaign.error}
        value={campaign.loading ? undefined : campaign.value ?? null}
      >
        {value =>
          value === null ? (
            <EmptyState
              missing="data"
              title="No such campaign"
              description="It does not exist or was archived."
            />
          ) : (
            <Flex direction="column" gap="4">
              <Flex justify="between" align="start" gap="3">
                <Flex direction="column" gap="1">
                  {campaignsLink && (
                    <Link href={campaignsLink()}>All campaigns</Link>
                  )}
                  <Text as="h2" variant="title-medium">
                    {value.name}
                  </Text>
                  <Text as="p" color="secondary">
                    {describeGoal(value.goal, rules.value)} ·{' '}
                    {describeScope(value.scope)} · deadline {value.deadline} ·
                    run by{' '}
                    <EntityLink entityRef={value.owner} defaultKind="group" />
                  </Text>
                  {value.announces && (
                    <Text as="p" color="secondary">
                      Announces {value.announces.ruleId}: upcoming (enforced
                      from {value.announces.enforcedFrom})
                    </Text>
                  )}
                </Flex>
                {canManage && (
                  <Flex gap="2">
                    <Button
                      variant="secondary"
                      onPress={() => setEditing(true)}
                    >
                      Edit
                    </Button>
                    <Button
                      variant="secondary"
                      onPress={async () => {
                        try {
                          await api.archiveCampaign(value.id);
                          if (campaignsLink) navigate(campaignsLink());
                          else campaign.retry();
                        } catch (e) {
                          setArchiveError(e as Error);
                        }
                      }}
                    >
                      Archive
                    </Button>
                  </Flex>
                )}
              </Flex>
              {archiveError && (
                <Alert
                  status="danger"
                  title="Could not archive the campaign"
                  description={errorText(archiveError)}
                />
              )}
              <Grid.Root columns={{ initial: '1', md: '3' }} gap="4">
                <Card>
                  <CardHeader>
                    <Text as="h3" variant="title-x-small">
                      Progress
                    </Text>
                  </CardHeader>
                  <CardBody>
                    <Flex direction="column" gap="3">
                      <CampaignProgressBar
                        meeting={value.progress.meeting}
                        total={value.progress.total}
                        label={`Progress of ${value.name}`}
                      />
                      <Text as="p" data-testid="late-teams">
                        {value.progress.lateTeams.length === 0
                          ? 'No team is late.'
                          : `Late: ${value.progress.lateTeams
                              .map(ref => ref.replace(/^group:default\//, ''))
                              .join(', ')}`}
                      </Text>
                    </Flex>
                  </CardBody>
                </Card>
                <Grid.Item colSpan={{ initial: '1', md: '2' }}>
                  <Card>
                    <CardHeader>
                      <Text as="h3" variant="title-x-small">
                        Burn-down
                      </Text>
                    </CardHeader>
                    <CardBody>
                      <BurndownChart
                        points={value.progress.burndown}
                        deadline={value.deadline}
                        height={200}
                      />
                    </CardBody>
                  </Card>
                </Grid.Item>
              </Grid.Root>
              <Card>
                <CardHeader>
                  <Text as="h3" variant="title-x-small">
                    Teams
                  </Text>
                </CardHeader>
                <CardBody>
                  <CampaignTeamsTable teams={value.progress.teams} />
                </CardBody>
              </Card>
              {editing && (
                <CampaignForm
                  isOpen
                  campaign={value}
                  rules={rules.value ?? []}
                  onClose={() => setEditing(false)}
                  onSubmit={async request => {
                    await api.updateCampaign(value.id, request);
                    campaign.retry();
                  }}
                />
              )}
            </Flex>
          )
        }
      </AsyncView>
    </Container>
  );
}
