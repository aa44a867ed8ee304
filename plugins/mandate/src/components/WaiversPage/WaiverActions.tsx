import { Button, Flex } from '@backstage/ui';
import { usePermission } from '@backstage/plugin-permission-react';
import {
  mandateWaiverApprovePermission,
  mandateWaiverRevokePermission,
  Waiver,
} from '@mandate-dev/plugin-mandate-common';

/**
 * What the user may do with one waiver: approve or deny a request, revoke an active waiver.
 * Asked for the waiver's service, so that a policy can decide per service.
 */
export function WaiverActions(props: {
  waiver: Waiver;
  onDecide: (waiver: Waiver, decision: 'approve' | 'deny') => void;
  onRevoke: (waiver: Waiver) => void;
}) {
  const { waiver, onDecide, onRevoke } = props;
  const canApprove = usePermission({
    permission: mandateWaiverApprovePermission,
    resourceRef: waiver.entityRef,
  });
  const canRevoke = usePermission({
    permission: mandateWaiverRevokePermission,
    resourceRef: waiver.entityRef,
  });
  const label = `${waiver.ruleId} of ${waiver.entityRef}`;
  return (
    <Flex gap="2">
      {waiver.state === 'requested' && canApprove.allowed && (
        <>
          <Button
            size="small"
            variant="primary"
            onPress={() => onDecide(waiver, 'approve')}
            aria-label={`Approve waiver of ${label}`}
          >
            Approve
          </Button>
          <Button
            size="small"
            variant="secondary"
            onPress={() => onDecide(waiver, 'deny')}
            aria-label={`Deny waiver of ${label}`}
          >
            Deny
          </Button>
        </>
      )}
      {waiver.state === 'active' && canRevoke.allowed && (
        <Button
          size="small"
          variant="secondary"
          onPress={() => onRevoke(waiver)}
          aria-label={`Revoke waiver of ${label}`}
        >
          Revoke
        </Button>
      )}
    </Flex>
  );
}
