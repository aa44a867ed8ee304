import {
  Bar,
  BarChart,
  CartesianGrid,
  Legend,
  ResponsiveContainer,
  Tooltip,
  XAxis,
  YAxis,
} from 'recharts';
import { Cell, Link, Table } from '@backstage/ui';
import {
  RuleInfo,
  RuleStatus,
  RuleSummary,
} from '@mandate-dev/plugin-mandate-common';
import { LevelBadge } from '../common/LevelBadge';
import { STATUS_COLORS } from '../common/StatusBadge';

type Row = RuleSummary & { id: string; title: string; rule?: RuleInfo };

/**
 * Pass and fail counts per rule, as a table of links and as a stacked bar chart, in the order of
 * GET /rules (`ruleInfo`); until that list has loaded, in the summary's order.
 */
export function RuleCompliance(props: {
  rules: RuleSummary[];
  ruleInfo: RuleInfo[];
  ruleHref: (ruleId: string) => string | undefined;
  servicesHref: (filters: {
    ruleId: string;
    status: RuleStatus;
  }) => string | undefined;
}) {
  const { ruleInfo, ruleHref, servicesHref } = props;
  const order = new Map(ruleInfo.map((rule, index) => [rule.id, index]));
  const position = (id: string) => order.get(id) ?? Number.MAX_SAFE_INTEGER;
  const rows: Row[] = props.rules
    .map(summary => {
      const rule = ruleInfo.find(r => r.id === summary.ruleId);
      return {
        ...summary,
        id: summary.ruleId,
        title: rule?.title ?? summary.ruleId,
        rule,
      };
    })
    // A stable sort: rules GET /rules does not list keep the summary's order, after the others.
    .sort((a, b) => position(a.ruleId) - position(b.ruleId));

  const countCell = (row: Row, status: RuleStatus, n: number) => {
    const href =
      n > 0 ? servicesHref({ ruleId: row.ruleId, status }) : undefined;
    return (
      <Cell>
        {href ? (
          <Link
            href={href}
            aria-label={`${n} services ${status} ${row.ruleId}`}
          >
            {n}
          </Link>
        ) : (
          String(n)
        )}
      </Cell>
    );
  };

  return (
    <>
      <div
        style={{ width: '100%', height: Math.max(240, rows.length * 22 + 60) }}
      >
        <ResponsiveContainer
          width="100%"
          height="100%"
          initialDimension={{ width: 800, height: 400 }}
        >
          <BarChart
            data={rows}
            layout="vertical"
            margin={{ top: 8, right: 16, bottom: 8, left: 8 }}
          >
            <CartesianGrid strokeDasharray="3 3" opacity={0.4} />
            <XAxis
              type="number"
              allowDecimals={false}
              domain={[0, 'dataMax']}
              fontSize={12}
            />
            <YAxis
              type="category"
              dataKey="ruleId"
              width={200}
              fontSize={11}
              interval={0}
            />
            <Tooltip />
            <Legend />
            <Bar
              dataKey="pass"
              name="Pass"
              stackId="s"
              fill={STATUS_COLORS.pass}
              isAnimationActive={false}
            />
            <Bar
              dataKey="waived"
              name="Waived"
              stackId="s"
              fill={STATUS_COLORS.waived}
              isAnimationActive={false}
            />
            <Bar
              dataKey="fail"
              name="Fail"
              stackId="s"
              fill={STATUS_COLORS.fail}
              isAnimationActive={false}
            />
            <Bar
              dataKey="error"
              name="Error"
              stackId="s"
              fill={STATUS_COLORS.error}
              isAnimationActive={false}
            />
            <Bar
              dataKey="notApplicable"
              name="Not applicable"
              stackId="s"
              fill={STATUS_COLORS['not-applicable']}
              isAnimationActive={false}
            />
          </BarChart>
        </ResponsiveContainer>
      </div>
      <Table<Row>
        data={rows}
        pagination={{ type: 'none' }}
        columnConfig={[
          {
            id: 'rule',
            label: 'Rule',
            isRowHeader: true,
            defaultWidth: '3fr',
            minWidth: 280,
            cell: row => {
              const href = ruleHref(row.ruleId);
              return (
                <Cell>
                  {href ? <Link href={href}>{row.title}</Link> : row.title}
                </Cell>
              );
            },
          },
          {
            id: 'level',
            label: 'Level',
            minWidth: 88,
            cell: row => (
              <Cell>
                {row.rule ? <LevelBadge level={row.rule.level} /> : '—'}
              </Cell>
            ),
          },
          {
            id: 'pass',
            minWidth: 80,
            label: 'Pass',
            cell: row => countCell(row, 'pass', row.pass),
          },
          {
            id: 'fail',
            minWidth: 80,
            label: 'Fail',
            cell: row => countCell(row, 'fail', row.fail),
          },
          {
            id: 'waived',
            minWidth: 96,
            label: 'Waived',
            cell: row => countCell(row, 'waived', row.waived),
          },
          {
            id: 'error',
            minWidth: 88,
            label: 'Error',
            cell: row => countCell(row, 'error', row.error),
          },
          {
            id: 'na',
            minWidth: 80,
            label: 'N/A',
            cell: row => countCell(row, 'not-applicable', row.notApplicable),
          },
        ]}
      />
    </>
  );
}
