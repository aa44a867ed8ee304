import { useMemo, useState } from 'react';
import { Cell, Link, SortDescriptor, Table, Text } from '@backstage/ui';
import { LEVELS, Level, TeamSummary } from '@mandate-dev/plugin-mandate-common';
import { EntityLink } from '../common/EntityLink';
import { ScoreNumber } from '../common/ScoreNumber';
import { LEVEL_LABELS } from '../../lib/levels';
import { formatPoints } from '../../lib/formatPoints';
import { TONE_COLORS } from '../../lib/tones';
import { TeamSparkline } from './TeamSparkline';

type Row = TeamSummary & { id: string };

const SORT_VALUE: Record<string, (row: Row) => number | string> = {
  team: row => row.owner,
  score: row => row.score,
  services: row => row.services,
  change: row => row.change30d ?? Number.NEGATIVE_INFINITY,
  ...Object.fromEntries(
    LEVELS.map(level => [
      `level-${level}`,
      (row: Row) => row.levels[level] ?? 0,
    ]),
  ),
};

const PAGE_SIZES = [25, 50, 100];

/**
 * Teams with score, services, counts per level, trend and change over 30 days ("new" for a
 * team the history does not know 30 days back); sortable, and paged in the browser: an
 * organisation of 10,000 services has some 2,000 teams, too many rows to render.
 */
export function TeamsTable(props: {
  teams: TeamSummary[];
  /** The days of the teams' trends (Summary.trendDays). */
  trendDays?: string[];
  servicesHref: (filters: {
    owner: string;
    level?: Level;
  }) => string | undefined;
}) {
  const { teams, servicesHref, trendDays } = props;
  const [descriptor, setDescriptor] = useState<SortDescriptor>({
    column: 'score',
    direction: 'ascending',
  });
  const [pageSize, setPageSize] = useState(PAGE_SIZES[0]);
  const [offset, setOffset] = useState(0);
  const rows = useMemo(() => {
    const value = SORT_VALUE[String(descriptor.column)] ?? SORT_VALUE.score;
    const sign = descriptor.direction === 'descending' ? -1 : 1;
    return teams
      .map(team => ({ ...team, id: team.owner }))
      .sort((a, b) => {
        const x = value(a);
        const y = value(b);
        const order =
          typeof x === 'number' && typeof y === 'number'
            ? x - y
            : String(x).localeCompare(String(y));
        return sign * order || a.owner.localeCompare(b.owner);
      });
  }, [teams, descriptor]);

  const count = (row: Row, level?: Level) => {
    const n = level ? row.levels[level] ?? 0 : row.services;
    const href = servicesHref({ owner: row.owner, level });
    return href ? (
      <Link
        href={href}
        aria-label={`${n} services of ${row.owner}${
          level ? ` at ${level}` : ''
        }`}
      >
        {n}
      </Link>
    ) : (
      String(n)
    );
  };

  return (
    <Table<Row>
      data={rows.slice(offset, offset + pageSize)}
      pagination={{
        type: 'page',
        pageSize,
        pageSizeOptions: PAGE_SIZES,
        offset,
        totalCount: rows.length,
        hasNextPage: offset + pageSize < rows.length,
        hasPreviousPage: offset > 0,
        onNextPage: () => setOffset(offset + pageSize),
        onPreviousPage: () => setOffset(Math.max(0, offset - pageSize)),
        onPageSizeChange: size => {
          setPageSize(size);
          setOffset(0);
        },
      }}
      sort={{
        descriptor,
        onSortChange: next => {
          setDescriptor(next);
          setOffset(0);
        },
      }}
      emptyState={
        <Text color="secondary">No team owns an evaluated service.</Text>
      }
      columnConfig={[
        {
          id: 'team',
          label: 'Team',
          isRowHeader: true,
          defaultWidth: '2fr',
          // Minimum widths keep names and headers whole; a narrow screen scrolls the table.
          minWidth: 160,
          isSortable: true,
          cell: row => (
            <Cell>
              <EntityLink entityRef={row.owner} defaultKind="group" />
            </Cell>
          ),
        },
        {
          id: 'score',
          label: 'Score',
          minWidth: 104,
          isSortable: true,
          cell: row => (
            <Cell>
              <ScoreNumber score={row.score} variant="body-medium" />
            </Cell>
          ),
        },
        {
          id: 'services',
          label: 'Services',
          isSortable: true,
          defaultWidth: '1.3fr',
          minWidth: 120,
          cell: row => <Cell>{count(row)}</Cell>,
        },
        ...[...LEVELS].reverse().map(level => ({
          id: `level-${level}`,
          label: level === 'none' ? 'None' : LEVEL_LABELS[level],
          isSortable: true,
          defaultWidth: '1fr' as const,
          minWidth: 104,
          cell: (row: Row) => <Cell>{count(row, level)}</Cell>,
        })),
        {
          id: 'trend',
          label: 'Trend',
          minWidth: 136,
          cell: row => (
            <Cell>
              <TeamSparkline
                owner={row.owner}
                trend={row.trend}
                days={trendDays}
              />
            </Cell>
          ),
        },
        {
          id: 'change',
          label: 'Δ 30 days',
          defaultWidth: '1.5fr',
          minWidth: 128,
          isSortable: true,
          cell: row => {
            const change = row.change30d;
            if (change === null || change === undefined) {
              return (
                <Cell>
                  <Text
                    as="span"
                    style={{ color: TONE_COLORS.secondary }}
                    aria-label="new: no history 30 days ago"
                  >
                    new
                  </Text>
                </Cell>
              );
            }
            let color: 'success' | 'danger' | 'secondary' = 'secondary';
            if (change > 0) color = 'success';
            else if (change < 0) color = 'danger';
            return (
              <Cell>
                <Text as="span" style={{ color: TONE_COLORS[color] }}>
                  {formatPoints(change, { signed: true })}
                </Text>
              </Cell>
            );
          },
        },
      ]}
    />
  );
}
