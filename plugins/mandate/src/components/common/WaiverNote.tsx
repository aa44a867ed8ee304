import { Text } from '@backstage/ui';
import { Waiver } from '@mandate-dev/plugin-mandate-common';
import { formatDate } from '../../lib/dates';
import { EntityLink } from './EntityLink';

/**
 * Why a failing rule counts as passing: who granted the waiver (by display name), until when,
 * and the reason. The service tab and the API tab show a waiver this one way.
 */
export function WaiverNote(props: { waiver: Waiver }) {
  const { waiver } = props;
  return (
    <Text as="p" variant="body-small" color="info">
      Waived by <EntityLink entityRef={waiver.grantedBy} defaultKind="user" />{' '}
      until {formatDate(waiver.expiresAt)}: <em>{waiver.reason}</em>
    </Text>
  );
}
