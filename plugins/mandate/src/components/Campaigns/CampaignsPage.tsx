import { useState } from 'react';
import useAsyncRetry from 'react-use/esm/useAsyncRetry';
import useAsync from 'react-use/esm/useAsync';
import {
  Button,
  Card,
  CardBody,
  CardHeader,
  Cell,
  Container,
  Flex,
  Link,
  Table,
  Text,
} from '@backstage/ui';
import { useApi, useRouteRef } from '@backstage/frontend-plugin-api';
import { CampaignWithProgress } from '@mandate-dev/plugin-mandate-common';
import { mandateApiRef } from '../../api';
import { campaignRouteRef } from '../../routes';
import { describeGoal, describeScope } from '../../lib/campaignText';
import { TONE_COLORS } from '../../lib/tones';
import { AsyncView } from '../common/AsyncView';
import { EntityLink } from '../common/EntityLink';
import { CampaignForm } from './CampaignForm';
import { CampaignProgressBar } from './CampaignProgressBar';
import { useCanManageCampaigns } from './useCanManageCampaigns';

/** /mandate/campaigns: every open campaign with its progress, deadline, owner and late teams. */
export function CampaignsPage() {
  const api = useApi(mandateApiRef);
  const campaignLink = useRouteRef(campaignRouteRef);
  const canManage = useCanManageCampaigns();
  const [creating, setCreating] = useState(false);
  const campaigns = useAsyncRetry(() => api.getCampaigns(), [api]);
  const rules = useAsync(() => api.getRules(), [api]);

  return (
    <Container my="4">
      <Card>
        <CardHeader>
          <Flex justify="between" align="center">
            <Text as="h2" variant="title-small">
              Campaigns
            </Text>
            {canManage && (
              <Button variant="primary" onPress={() => setCreating(true)}>
                New campaign
              </Button>
            )}
          </Flex>
        </CardHeader>
        <CardBody>
          <AsyncView
            loading={campaigns.loading}
            error={campaigns.error}
            value={campaigns.value}
          >
            {items => (
              <Table<CampaignWithProgress>
                data={items}
                pagination={{ type: 'none' }}
                emptyState={
                  <Text color="secondary">
                    No campaign is running.
                    {canManage ? ' Start one with "New campaign".' : ''}
                  </Text>
                }
                columnConfig={[
                  {
                    id: 'name',
                    label: 'Campaign',
                    isRowHeader: true,
                    defaultWidth: '2fr',
                    minWidth: 200,
                    cell: row => (
                      <Cell>
                        <Flex direction="column" gap="1">
                          {campaignLink ? (
                            <Link href={campaignLink({ campaignId: row.id })}>
                              {row.name}
                            </Link>
                          ) : (
                            row.name
                          )}
                          <Text
                            as="span"
                            variant="body-small"
                            color="secondary"
                          >
                            {describeGoal(row.goal, rules.value)} ·{' '}
                            {describeScope(row.scope)}
                          </Text>
                        </Flex>
                      </Cell>
                    ),
                  },
                  {
                    id: 'progress',
                    label: 'Progress',
                    defaultWidth: '2fr',
                    minWidth: 220,
                    cell: row => (
                      <Cell>
                        <CampaignProgressBar
                          meeting={row.progress.meeting}
                          total={row.progress.total}
                          label={`Progress of ${row.name}`}
                        />
                      </Cell>
                    ),
                  },
                  {
                    id: 'deadline',
                    label: 'Deadline',
                    minWidth: 120,
                    cell: row => <Cell>{row.deadline}</Cell>,
                  },
                  {
                    id: 'owner',
                    label: 'Owner',
                    minWidth: 140,
                    cell: row => (
                      <Cell>
                        <EntityLink entityRef={row.owner} defaultKind="group" />
                      </Cell>
                    ),
                  },
                  {
                    id: 'late',
                    label: 'Late teams',
                    minWidth: 160,
                    cell: row => (
                      <Cell>
                        {row.progress.lateTeams.length === 0 ? (
                          <Text as="span" color="secondary">
                            None
                          </Text>
                        ) : (
                          <Text as="span" style={{ color: TONE_COLORS.danger }}>
                            {row.progress.lateTeams.length} late
                          </Text>
                        )}
                      </Cell>
                    ),
                  },
                ]}
              />
            )}
          </AsyncView>
        </CardBody>
      </Card>
      {creating && (
        <CampaignForm
          isOpen
          rules={rules.value ?? []}
          onClose={() => setCreating(false)}
          onSubmit={async request => {
            await api.createCampaign(request);
            campaigns.retry();
          }}
        />
      )}
    </Container>
  );
}
