import {
  CartesianGrid,
  Line,
  LineChart,
  ReferenceLine,
  ResponsiveContainer,
  Tooltip,
  XAxis,
  YAxis,
} from 'recharts';
import { Text } from '@backstage/ui';
import { CampaignBurndownPoint } from '@mandate-dev/plugin-mandate-common';

/** Services in scope not meeting the goal, per day of stored history, with the deadline marked. */
export function BurndownChart(props: {
  points: CampaignBurndownPoint[];
  deadline: string;
  height?: number;
}) {
  const { points, deadline, height = 240 } = props;
  if (points.length === 0) {
    return (
      <Text as="p" color="secondary">
        No history yet: the burn-down fills once a day after each evaluation.
      </Text>
    );
  }
  // The deadline is a day on the axis even when no history point falls on it, so that its
  // line shows before, on and after it.
  const data: Partial<CampaignBurndownPoint>[] = points.some(
    point => point.day === deadline,
  )
    ? points
    : [...points, { day: deadline }].sort((a, b) => a.day.localeCompare(b.day));
  return (
    <div
      style={{ width: '100%', height }}
      data-testid="campaign-burndown"
      aria-label="Burn-down: services not meeting the goal per day"
    >
      <ResponsiveContainer
        width="100%"
        height="100%"
        initialDimension={{ width: 600, height }}
      >
        <LineChart
          data={data}
          margin={{ top: 24, right: 16, bottom: 8, left: 0 }}
        >
          <CartesianGrid strokeDasharray="3 3" opacity={0.4} />
          <XAxis dataKey="day" minTickGap={24} fontSize={12} />
          <YAxis allowDecimals={false} width={36} fontSize={12} />
          <Tooltip />
          <ReferenceLine
            x={deadline}
            stroke="#991919"
            strokeDasharray="4 4"
            label={{
              value: 'Deadline',
              position: 'top',
              fill: '#991919',
              fontSize: 12,
            }}
          />
          <Line
            type="stepAfter"
            dataKey="remaining"
            name="Not meeting the goal"
            stroke="#1f5493"
            strokeWidth={2}
            // Dots, so that a single day of history shows too.
            dot={{ r: 3 }}
            connectNulls
            isAnimationActive={false}
          />
        </LineChart>
      </ResponsiveContainer>
    </div>
  );
}
