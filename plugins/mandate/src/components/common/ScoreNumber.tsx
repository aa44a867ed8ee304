import { Text } from '@backstage/ui';
import { Level } from '@mandate-dev/plugin-mandate-common';
import { LEVEL_STYLES } from '../../lib/levels';
import { formatPoints } from '../../lib/formatPoints';

const PADDING: Record<string, string> = {
  'title-large': '2px 12px',
  'title-medium': '1px 10px',
  'title-small': '0 8px',
  'body-medium': '0 6px',
};

/**
 * A 0–100 score. A service's score is drawn in its level's colours, so that a 92 without a level
 * never looks better than it is; a team's or the organisation's mean (no level) stays plain text.
 */
export function ScoreNumber(props: {
  score: number;
  level?: Level;
  variant?: 'title-large' | 'title-medium' | 'title-small' | 'body-medium';
}) {
  const { score, level, variant = 'title-small' } = props;
  const text = formatPoints(score);
  const style = level ? LEVEL_STYLES[level] : undefined;
  return (
    <Text
      as="span"
      variant={variant}
      weight="bold"
      aria-label={`Score ${text}`}
      data-level={level}
      style={
        style && {
          display: 'inline-block',
          backgroundColor: style.background,
          color: style.color,
          border: `1px solid ${style.border}`,
          borderRadius: 6,
          padding: PADDING[variant],
        }
      }
    >
      {text}
    </Text>
  );
}
