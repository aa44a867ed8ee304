import { formatPoints } from '../../lib/formatPoints';
import { TONE_COLORS } from '../../lib/tones';
import { Text } from '@backstage/ui';

/** The server's 30-day score change (`change30d`) as an arrow and a signed number, coloured. */
export function TrendText(props: { change: number | null }) {
  const { change } = props;
  if (change === null) return null;
  let color: 'success' | 'danger' | 'secondary' = 'secondary';
  let text = '= 0';
  if (change > 0) {
    color = 'success';
    text = `▲ ${formatPoints(change, { signed: true })}`;
  } else if (change < 0) {
    color = 'danger';
    text = `▼ ${formatPoints(change)}`;
  }
  return (
    <Text
      as="span"
      variant="body-medium"
      style={{ color: TONE_COLORS[color] }}
      data-testid="score-trend"
    >
      {text} in 30 days
    </Text>
  );
}
