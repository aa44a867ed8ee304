import { Badge } from '@backstage/ui';
import { RuleStatus } from '@mandate-dev/plugin-mandate-common';

const STATUS_STYLE: Record<RuleStatus, { label: string; color: string }> = {
  pass: { label: 'Pass', color: '#2e7d32' },
  fail: { label: 'Fail', color: '#c62828' },
  waived: { label: 'Waived', color: '#1565c0' },
  'not-applicable': { label: 'Not applicable', color: '#757575' },
  error: { label: 'Error', color: '#e65100' },
};

/** A rule result's status as a coloured badge. */
export function StatusBadge(props: { status: RuleStatus }) {
  const style = STATUS_STYLE[props.status] ?? {
    label: props.status,
    color: '#757575',
  };
  return (
    <Badge
      data-status={props.status}
      style={{
        backgroundColor: style.color,
        color: '#fff',
        fontWeight: 600,
        border: 'none',
      }}
    >
      {style.label}
    </Badge>
  );
}
