import { RuleStatus } from '@mandate-dev/plugin-mandate-common';
import { ColouredBadge } from './ColouredBadge';

/** White text on each colour reaches WCAG AA: 7.9, 6.6, 8.6, 6.2 and 6.6 to 1. */
const STATUS_STYLE: Record<RuleStatus, { label: string; color: string }> = {
  pass: { label: 'Pass', color: '#1b5e20' },
  fail: { label: 'Fail', color: '#b71c1c' },
  waived: { label: 'Waived', color: '#0d47a1' },
  'not-applicable': { label: 'Not applicable', color: '#616161' },
  error: { label: 'Error', color: '#a33a00' },
};

/** The colour of a status in charts, the badge's. */
export const STATUS_COLORS: Record<RuleStatus, string> = {
  pass: STATUS_STYLE.pass.color,
  fail: STATUS_STYLE.fail.color,
  waived: STATUS_STYLE.waived.color,
  'not-applicable': STATUS_STYLE['not-applicable'].color,
  error: STATUS_STYLE.error.color,
};

/** A rule result's status as a coloured badge. */
export function StatusBadge(props: { status: RuleStatus }) {
  const style = STATUS_STYLE[props.status] ?? {
    label: props.status,
    color: '#616161',
  };
  return (
    <ColouredBadge
      label={style.label}
      color={style.color}
      data={{ 'data-status': props.status }}
    />
  );
}
