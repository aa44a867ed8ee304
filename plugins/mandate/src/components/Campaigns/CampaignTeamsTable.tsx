import { Cell, Table, Text } from '@backstage/ui';
import { CampaignTeamProgress } from '@mandate-dev/plugin-mandate-common';
import { EntityLink } from '../common/EntityLink';
import { progressPercent } from '../../lib/campaignText';
import { TONE_COLORS } from '../../lib/tones';

type Row = CampaignTeamProgress & { id: string };

/** Per team: services in scope, how many meet the goal, and whether the team is late. */
export function CampaignTeamsTable(props: { teams: CampaignTeamProgress[] }) {
  const rows: Row[] = props.teams.map(team => ({
    ...team,
    id: team.owner ?? 'none',
  }));
  return (
    <Table<Row>
      data={rows}
      pagination={{ type: 'none' }}
      emptyState={
        <Text color="secondary">
          No evaluated service is in this campaign's scope.
        </Text>
      }
      columnConfig={[
        {
          id: 'team',
          label: 'Team',
          isRowHeader: true,
          defaultWidth: '2fr',
          minWidth: 160,
          cell: row => (
            <Cell>
              {row.owner ? (
                <EntityLink entityRef={row.owner} defaultKind="group" />
              ) : (
                'No owner'
              )}
            </Cell>
          ),
        },
        {
          id: 'services',
          label: 'Services',
          minWidth: 104,
          cell: row => <Cell>{String(row.total)}</Cell>,
        },
        {
          id: 'meeting',
          label: 'Meeting the goal',
          minWidth: 160,
          cell: row => (
            <Cell>
              {`${row.meeting} (${progressPercent(row.meeting, row.total)})`}
            </Cell>
          ),
        },
        {
          id: 'status',
          label: 'Status',
          minWidth: 120,
          cell: row => {
            if (row.late) {
              return (
                <Cell>
                  <Text
                    as="span"
                    weight="bold"
                    style={{ color: TONE_COLORS.danger }}
                  >
                    Late
                  </Text>
                </Cell>
              );
            }
            return (
              <Cell>
                <Text
                  as="span"
                  style={{
                    color:
                      row.meeting === row.total
                        ? TONE_COLORS.success
                        : TONE_COLORS.secondary,
                  }}
                >
                  {row.meeting === row.total ? 'Done' : 'In progress'}
                </Text>
              </Cell>
            );
          },
        },
      ]}
    />
  );
}
