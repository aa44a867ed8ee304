import { Badge } from '@backstage/ui';
import { Level } from '@mandate-dev/plugin-mandate-common';
import { LEVEL_LABELS, LEVEL_STYLES } from '../../lib/levels';

/** The level a service or rule belongs to, in its medal colour (AA contrast, 12 px at least). */
export function LevelBadge(props: { level: Level; size?: 'small' | 'medium' }) {
  const { level, size = 'small' } = props;
  const style = LEVEL_STYLES[level];
  return (
    <Badge
      size={size}
      data-level={level}
      aria-label={`Level: ${LEVEL_LABELS[level]}`}
      style={{
        backgroundColor: style.background,
        color: style.color,
        border: `1px solid ${style.border}`,
        fontWeight: 600,
        fontSize: size === 'small' ? 12 : 14,
        whiteSpace: 'nowrap',
      }}
    >
      {LEVEL_LABELS[level]}
    </Badge>
  );
}
