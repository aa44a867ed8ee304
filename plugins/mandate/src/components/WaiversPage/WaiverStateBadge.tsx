import { WaiverState } from '@mandate-dev/plugin-mandate-common';
import { ColouredBadge } from '../common/ColouredBadge';

/** White text on each colour reaches WCAG AA: 8.9, 7.9, 6.2, 6.6 and 10.2 to 1. */
const STATE_STYLE: Record<WaiverState, { label: string; color: string }> = {
  requested: { label: 'Requested', color: '#6a1b9a' },
  active: { label: 'Active', color: '#1b5e20' },
  expired: { label: 'Expired', color: '#616161' },
  denied: { label: 'Denied', color: '#b71c1c' },
  revoked: { label: 'Revoked', color: '#4e342e' },
};

/** Where a waiver stands, as a coloured badge. */
export function WaiverStateBadge(props: { state: WaiverState }) {
  const style = STATE_STYLE[props.state] ?? {
    label: props.state,
    color: '#616161',
  };
  return (
    <ColouredBadge
      label={style.label}
      color={style.color}
      data={{ 'data-state': props.state }}
    />
  );
}
