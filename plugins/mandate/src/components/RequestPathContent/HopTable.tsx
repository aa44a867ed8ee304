import { Badge, Cell, Flex, Table, Text } from '@backstage/ui';
import { RequestPathNode } from '@mandate-dev/plugin-mandate-common';
import { formatSlo } from '../../lib/formatSlo';
import { EntityLink } from '../common/EntityLink';
import { COLOURS } from './colours';
import { formatKeepalive, layerText } from './hopLabels';

type HopRow = RequestPathNode & { id: string };

/** Every hop of the path in request order, with the facts the layers must agree on. */
export function HopTable(props: { nodes: RequestPathNode[] }) {
  const rows: HopRow[] = props.nodes.map(node => ({
    ...node,
    id: node.entityRef,
  }));
  return (
    <div aria-label="Hops">
      <Table<HopRow>
        data={rows}
        pagination={{ type: 'none' }}
        columnConfig={[
          {
            id: 'hop',
            label: 'Hop',
            isRowHeader: true,
            defaultWidth: '2fr',
            minWidth: 180,
            cell: row => (
              <Cell>
                <EntityLink entityRef={row.entityRef}>{row.title}</EntityLink>
              </Cell>
            ),
          },
          {
            id: 'layer',
            label: 'Layer',
            cell: row => <Cell>{layerText(row)}</Cell>,
          },
          {
            id: 'tier',
            label: 'Tier',
            cell: row => (
              <Cell>{row.layer === 'service' ? row.tier ?? 'none' : '–'}</Cell>
            ),
          },
          {
            id: 'slo',
            label: 'SLO',
            cell: row => (
              <Cell>{row.layer === 'service' ? formatSlo(row.slo) : '–'}</Cell>
            ),
          },
          {
            id: 'template',
            label: 'Platform template',
            // Room for the header itself, which the table would otherwise cut at 1280 px.
            minWidth: 170,
            cell: row => (
              <Cell>
                {row.platformTemplate ? (
                  <Flex direction="column" gap="1" align="start">
                    <Text variant="body-small">
                      {row.platformTemplate.name}
                    </Text>
                    {row.platformTemplate.approved === false && (
                      <Badge
                        style={{
                          color: COLOURS.danger,
                          border: `1px solid ${COLOURS.danger}`,
                          background: 'transparent',
                        }}
                      >
                        not approved
                      </Badge>
                    )}
                  </Flex>
                ) : (
                  '–'
                )}
              </Cell>
            ),
          },
          {
            id: 'keepalive',
            label: 'Keep-alive',
            cell: row => <Cell>{formatKeepalive(row.keepaliveTimeout)}</Cell>,
          },
        ]}
      />
    </div>
  );
}
