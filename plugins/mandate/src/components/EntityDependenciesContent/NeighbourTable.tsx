import { Badge, Cell, Flex, Table, Text } from '@backstage/ui';
import { GraphNeighbour } from '@mandate-dev/plugin-mandate-common';
import { formatSlo } from '../../lib/formatSlo';
import { EntityLink } from '../common/EntityLink';

type NeighbourRow = GraphNeighbour & { id: string };

/** Services on one side of the graph, with tier, SLO and hard/soft edge. */
export function NeighbourTable(props: {
  label: string;
  neighbours: GraphNeighbour[];
  weakestLink: string | null;
  emptyText: string;
}) {
  const rows: NeighbourRow[] = props.neighbours.map(n => ({
    ...n,
    id: n.entityRef,
  }));
  if (rows.length === 0) {
    return (
      <Text as="p" color="secondary">
        {props.emptyText}
      </Text>
    );
  }
  return (
    <div aria-label={props.label}>
      <Table<NeighbourRow>
        data={rows}
        pagination={{ type: 'none' }}
        columnConfig={[
          {
            id: 'service',
            label: 'Service',
            isRowHeader: true,
            defaultWidth: '2fr',
            minWidth: 180,
            cell: row => (
              <Cell>
                <Flex direction="column" gap="1" align="start">
                  <EntityLink entityRef={row.entityRef} />
                  {row.hard && row.entityRef === props.weakestLink && (
                    <Badge
                      style={{
                        backgroundColor: '#c62828',
                        color: '#fff',
                        border: 'none',
                      }}
                    >
                      weakest link
                    </Badge>
                  )}
                </Flex>
              </Cell>
            ),
          },
          {
            id: 'tier',
            label: 'Tier',
            cell: row => <Cell>{row.tier ?? 'none'}</Cell>,
          },
          {
            id: 'slo',
            label: 'SLO',
            cell: row => <Cell>{formatSlo(row.slo)}</Cell>,
          },
          {
            id: 'edge',
            label: 'Edge',
            cell: row => (
              <Cell>
                <Badge
                  title={
                    row.hard
                      ? 'hard: it fails when this service fails'
                      : 'soft: it has a fallback'
                  }
                  style={
                    row.hard
                      ? {
                          backgroundColor: '#37474f',
                          color: '#fff',
                          border: 'none',
                        }
                      : {
                          background: 'transparent',
                          border: '1px dashed #78909c',
                        }
                  }
                >
                  {row.hard ? 'hard' : 'soft'}
                </Badge>
              </Cell>
            ),
          },
        ]}
      />
    </div>
  );
}
