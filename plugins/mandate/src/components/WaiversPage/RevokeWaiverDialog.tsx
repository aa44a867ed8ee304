import { useState } from 'react';
import {
  Alert,
  Button,
  Dialog,
  DialogBody,
  DialogFooter,
  DialogHeader,
  Text,
} from '@backstage/ui';
import { Waiver } from '@mandate-dev/plugin-mandate-common';
import { formatDate } from '../../lib/dates';
import { truncate } from '../../lib/truncate';

/**
 * Asks before revoking: a revoked waiver stops counting at once and cannot be restored (a new
 * request has to be approved again).
 */
export function RevokeWaiverDialog(props: {
  waiver: Waiver;
  serviceName: string;
  onClose: () => void;
  onRevoke: (waiver: Waiver) => Promise<void>;
}) {
  const { waiver, serviceName, onClose, onRevoke } = props;
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<Error | undefined>();
  const revoke = async () => {
    setBusy(true);
    setError(undefined);
    try {
      await onRevoke(waiver);
      onClose();
    } catch (e) {
      setError(e as Error);
    } finally {
      setBusy(false);
    }
  };
  return (
    <Dialog isOpen onOpenChange={open => !open && onClose()} width={480}>
      <DialogHeader>Revoke this waiver?</DialogHeader>
      <DialogBody>
        <Text as="p">
          The waiver of <code>{waiver.ruleId}</code> for {serviceName} (until{' '}
          {formatDate(waiver.expiresAt)}) stops counting now: the rule fails
          again and the score drops. Undoing it takes a new request.
        </Text>
        {error && (
          <Alert
            mt="3"
            status="danger"
            title="Could not revoke the waiver"
            description={truncate(error.message)}
          />
        )}
      </DialogBody>
      <DialogFooter>
        <Button variant="secondary" onPress={onClose}>
          Cancel
        </Button>
        {/* Not `destructive`: Backstage UI's red fails WCAG AA (4.4:1) when hovered. */}
        <Button variant="primary" onPress={revoke} loading={busy}>
          Revoke waiver
        </Button>
      </DialogFooter>
    </Dialog>
  );
}
