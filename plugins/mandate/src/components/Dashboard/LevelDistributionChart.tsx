import {
  Bar,
  BarChart,
  Cell,
  ResponsiveContainer,
  Tooltip,
  XAxis,
  YAxis,
} from 'recharts';
import { LevelCounts, LEVELS } from '@mandate-dev/plugin-mandate-common';
import { LEVEL_COLORS, LEVEL_LABELS } from '../../lib/levels';

/** The level counts as bars in their medal colours, gold first. */
export function LevelDistributionChart(props: { levels: LevelCounts }) {
  const data = [...LEVELS].reverse().map(level => ({
    level,
    label: LEVEL_LABELS[level],
    count: props.levels[level] ?? 0,
  }));
  return (
    <div style={{ width: '100%', height: 110 }} aria-hidden>
      <ResponsiveContainer
        width="100%"
        height="100%"
        initialDimension={{ width: 300, height: 110 }}
      >
        <BarChart
          // Decorative (the counts above are the links): keep the chart out of the tab order.
          accessibilityLayer={false}
          data={data}
          margin={{ top: 8, right: 8, bottom: 0, left: -24 }}
        >
          <XAxis dataKey="label" fontSize={11} />
          <YAxis allowDecimals={false} fontSize={11} />
          <Tooltip />
          <Bar dataKey="count" name="Services" isAnimationActive={false}>
            {data.map(entry => (
              <Cell key={entry.level} fill={LEVEL_COLORS[entry.level]} />
            ))}
          </Bar>
        </BarChart>
      </ResponsiveContainer>
    </div>
  );
}
