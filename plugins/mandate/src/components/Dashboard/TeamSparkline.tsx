import { Line, LineChart, YAxis } from 'recharts';
import { formatPoints } from '../../lib/formatPoints';

/**
 * A team's score over the summary's trend days, as a small line (gaps where the history has no
 * day). Screen readers get the first and last known scores instead.
 */
export function TeamSparkline(props: {
  owner: string;
  trend: (number | null)[] | undefined;
  days: string[] | undefined;
}) {
  const { owner, trend, days } = props;
  const known = (trend ?? []).filter((s): s is number => s !== null);
  if (!trend || known.length < 2) {
    return (
      <span style={{ color: 'var(--bui-fg-secondary, #696969)' }}>
        {known.length === 1 ? 'no history yet' : '—'}
      </span>
    );
  }
  const data = trend.map((score, i) => ({ day: days?.[i], score }));
  // Scaled to the team's own range, at least 10 points tall, so that a trend shows in 28 px
  // without making noise look like a fall.
  const low = Math.min(...known);
  const high = Math.max(...known);
  const pad = Math.max(0, 10 - (high - low)) / 2;
  const domain = [Math.max(0, low - pad), Math.min(100, high + pad)];
  const since = days?.[trend.findIndex(score => score !== null)];
  const name = owner.replace(/^group:(default\/)?/, '');
  return (
    <span
      role="img"
      data-testid="team-sparkline"
      aria-label={`${name}: score ${formatPoints(known[0])}${
        since ? ` on ${since}` : ''
      }, ${formatPoints(known[known.length - 1])} now`}
      style={{ display: 'inline-block', lineHeight: 0 }}
    >
      <LineChart
        width={112}
        height={28}
        data={data}
        aria-hidden
        // The span names the trend; the chart itself takes no focus.
        accessibilityLayer={false}
      >
        <YAxis hide domain={domain} />
        <Line
          type="monotone"
          dataKey="score"
          stroke="var(--bui-fg-primary, #000000)"
          strokeWidth={1.5}
          dot={false}
          isAnimationActive={false}
          connectNulls
        />
      </LineChart>
    </span>
  );
}
