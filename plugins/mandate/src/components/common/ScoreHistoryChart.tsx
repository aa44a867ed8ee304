import {
  CartesianGrid,
  Legend,
  Line,
  LineChart,
  ResponsiveContainer,
  Tooltip,
  XAxis,
  YAxis,
} from 'recharts';
import { Text } from '@backstage/ui';
import { HistoryPoint, LEVELS } from '@mandate-dev/plugin-mandate-common';
import { LEVEL_COLORS, LEVEL_LABELS, levelRank } from '../../lib/levels';

/**
 * Score over time and, for one service, its level as a step line on a second axis
 * (none, bronze, silver, gold).
 */
export function ScoreHistoryChart(props: {
  points: HistoryPoint[];
  height?: number;
  showLevel?: boolean;
}) {
  const { points, height = 240 } = props;
  const showLevel = props.showLevel ?? points.some(point => point.level);
  if (points.length === 0) {
    return (
      <Text as="p" color="secondary">
        No history yet: the score is recorded once a day after each evaluation.
      </Text>
    );
  }
  const data = points.map(point => ({
    day: point.day,
    score: point.score,
    level: point.level ? levelRank(point.level) : undefined,
  }));
  return (
    <div
      style={{ width: '100%', height }}
      data-testid="score-history-chart"
      aria-label="Score history"
    >
      <ResponsiveContainer
        width="100%"
        height="100%"
        initialDimension={{ width: 600, height }}
      >
        <LineChart
          data={data}
          margin={{ top: 8, right: 16, bottom: 8, left: 0 }}
        >
          <CartesianGrid strokeDasharray="3 3" opacity={0.4} />
          <XAxis dataKey="day" minTickGap={24} fontSize={12} />
          <YAxis yAxisId="score" domain={[0, 100]} width={36} fontSize={12} />
          {showLevel && (
            <YAxis
              yAxisId="level"
              orientation="right"
              domain={[0, LEVELS.length - 1]}
              ticks={LEVELS.map((_, index) => index)}
              tickFormatter={(rank: number) =>
                LEVEL_LABELS[LEVELS[rank]] ?? String(rank)
              }
              width={72}
              fontSize={12}
            />
          )}
          <Tooltip
            formatter={(value: unknown, name: unknown) =>
              name === 'Level'
                ? LEVEL_LABELS[LEVELS[Number(value)]]
                : String(value)
            }
          />
          <Legend />
          <Line
            yAxisId="score"
            type="monotone"
            dataKey="score"
            name="Score"
            stroke="#1f5493"
            strokeWidth={2}
            dot={false}
            isAnimationActive={false}
          />
          {showLevel && (
            <Line
              yAxisId="level"
              type="stepAfter"
              dataKey="level"
              name="Level"
              stroke={LEVEL_COLORS.gold}
              strokeWidth={2}
              dot={false}
              isAnimationActive={false}
            />
          )}
        </LineChart>
      </ResponsiveContainer>
    </div>
  );
}
