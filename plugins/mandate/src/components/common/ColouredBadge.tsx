import { Badge } from '@backstage/ui';

/**
 * A label in white on a solid colour, the one look of Mandate's status badges; each caller's
 * colours are chosen for WCAG AA contrast against white.
 */
export function ColouredBadge(props: {
  label: string;
  color: string;
  /** data-* attributes, e.g. `{ 'data-status': 'pass' }`, for tests and styling. */
  data?: Record<`data-${string}`, string>;
}) {
  return (
    <Badge
      {...props.data}
      style={{
        backgroundColor: props.color,
        color: '#fff',
        fontWeight: 600,
        fontSize: 12,
        border: 'none',
        whiteSpace: 'nowrap',
      }}
    >
      {props.label}
    </Badge>
  );
}
