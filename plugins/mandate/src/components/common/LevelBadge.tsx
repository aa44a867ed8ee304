import { Badge } from '@backstage/ui';
import { Level } from '@mandate-dev/plugin-mandate-common';
import { LEVEL_COLORS, LEVEL_LABELS } from '../../lib/levels';

/** The level a service or rule belongs to, in its medal colour. */
export function LevelBadge(props: { level: Level; size?: 'small' | 'medium' }) {
  const { level, size = 'small' } = props;
  return (
    <Badge
      size={size}
      data-level={level}
      aria-label={`Level: ${LEVEL_LABELS[level]}`}
      style={{
        backgroundColor: LEVEL_COLORS[level],
        color: '#fff',
        fontWeight: 600,
        border: 'none',
      }}
    >
      {LEVEL_LABELS[level]}
    </Badge>
  );
}
