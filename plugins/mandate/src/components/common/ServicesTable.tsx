import { Cell, Table, TablePaginationProps } from '@backstage/ui';
import { ReportedEntity } from '@mandate-dev/plugin-mandate-common';
import { EntityLink } from './EntityLink';
import { LevelBadge } from './LevelBadge';
import { ScoreNumber } from './ScoreNumber';
import { EvidenceText } from './EvidenceText';

type Row = ReportedEntity & { id: string };

/**
 * Services of a report page with level and score; with `ruleId`, the message of that rule's
 * result too. Pagination is the server's.
 */
export function ServicesTable(props: {
  items: ReportedEntity[];
  pagination?: TablePaginationProps;
  loading?: boolean;
  ruleId?: string;
  showOwner?: boolean;
  emptyState?: React.ReactNode;
}) {
  const { items, pagination, ruleId, showOwner = true } = props;
  const rows: Row[] = items.map(item => ({ ...item, id: item.entityRef }));
  return (
    <Table<Row>
      data={rows}
      isStale={props.loading}
      emptyState={props.emptyState}
      pagination={
        pagination ? { type: 'page', ...pagination } : { type: 'none' }
      }
      columnConfig={[
        {
          id: 'service',
          label: 'Service',
          isRowHeader: true,
          defaultWidth: '2fr' as const,
          minWidth: 160,
          cell: row => (
            <Cell>
              <EntityLink entityRef={row.entityRef}>{row.title}</EntityLink>
            </Cell>
          ),
        },
        ...(showOwner
          ? [
              {
                id: 'owner',
                label: 'Owner',
                cell: (row: Row) => (
                  <Cell>
                    {row.owner ? (
                      <EntityLink entityRef={row.owner} defaultKind="group" />
                    ) : (
                      '—'
                    )}
                  </Cell>
                ),
              },
            ]
          : []),
        {
          id: 'tier',
          label: 'Tier',
          cell: row => <Cell>{row.tier ?? 'none'}</Cell>,
        },
        {
          id: 'level',
          label: 'Level',
          minWidth: 96,
          cell: row => (
            <Cell>
              <LevelBadge level={row.level} />
            </Cell>
          ),
        },
        {
          id: 'score',
          label: 'Score',
          cell: row => (
            <Cell>
              <ScoreNumber
                score={row.score}
                level={row.level}
                variant="body-medium"
              />
            </Cell>
          ),
        },
        ...(ruleId
          ? [
              {
                id: 'finding',
                label: 'Finding',
                defaultWidth: '4fr' as const,
                minWidth: 320,
                cell: (row: Row) => {
                  const result = row.results?.find(r => r.ruleId === ruleId);
                  const text = [result?.message, ...(result?.evidence ?? [])]
                    .filter(Boolean)
                    .join(' · ');
                  return (
                    <Cell>
                      <span style={{ overflowWrap: 'anywhere' }}>
                        <EvidenceText text={text} refs={result?.refs} />
                      </span>
                    </Cell>
                  );
                },
              },
            ]
          : []),
      ]}
    />
  );
}
