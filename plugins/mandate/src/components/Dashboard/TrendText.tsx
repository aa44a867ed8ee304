import { Text } from '@backstage/ui';

/** A score change as an arrow and a signed number, coloured. */
export function TrendText(props: { change: number | undefined }) {
  const { change } = props;
  if (change === undefined) return null;
  let color: 'success' | 'danger' | 'secondary' = 'secondary';
  let text = '= 0';
  if (change > 0) {
    color = 'success';
    text = `▲ +${change}`;
  } else if (change < 0) {
    color = 'danger';
    text = `▼ ${change}`;
  }
  return (
    <Text
      as="span"
      variant="body-medium"
      color={color}
      data-testid="score-trend"
    >
      {text} in 30 days
    </Text>
  );
}
