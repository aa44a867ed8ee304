import { Text } from '@backstage/ui';

/** A 0–100 score, coloured by how far it is from 100. */
export function ScoreNumber(props: {
  score: number;
  variant?: 'title-large' | 'title-medium' | 'title-small' | 'body-medium';
}) {
  const { score, variant = 'title-small' } = props;
  let color: 'success' | 'warning' | 'danger' = 'danger';
  if (score >= 80) color = 'success';
  else if (score >= 50) color = 'warning';
  return (
    <Text
      as="span"
      variant={variant}
      weight="bold"
      color={color}
      aria-label={`Score ${score}`}
    >
      {score}
    </Text>
  );
}
