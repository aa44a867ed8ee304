import { useState } from 'react';
import {
  Alert,
  Button,
  Dialog,
  DialogBody,
  DialogFooter,
  DialogHeader,
  Flex,
  Text,
  TextField,
} from '@backstage/ui';
import { Waiver } from '@mandate-dev/plugin-mandate-common';
import { formatDate } from '../../lib/dates';
import { truncate } from '../../lib/truncate';

/** Approves or denies a waiver request, with an optional comment for the requester. */
export function DecideWaiverDialog(props: {
  waiver: Waiver;
  decision: 'approve' | 'deny';
  serviceName: string;
  onClose: () => void;
  onDecide: (waiver: Waiver, comment: string | undefined) => Promise<void>;
}) {
  const { waiver, decision, serviceName, onClose, onDecide } = props;
  const [comment, setComment] = useState('');
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<Error | undefined>();
  const verb = decision === 'approve' ? 'Approve' : 'Deny';
  const decide = async () => {
    setBusy(true);
    setError(undefined);
    try {
      await onDecide(waiver, comment.trim() || undefined);
      onClose();
    } catch (e) {
      setError(e as Error);
    } finally {
      setBusy(false);
    }
  };
  return (
    <Dialog isOpen onOpenChange={open => !open && onClose()} width={520}>
      <DialogHeader>{verb} this waiver request?</DialogHeader>
      <DialogBody>
        <Flex direction="column" gap="3">
          <Text as="p">
            {waiver.requestedBy} asks to waive <code>{waiver.ruleId}</code> for{' '}
            {serviceName} until {formatDate(waiver.expiresAt)}:{' '}
            <em>{waiver.reason}</em>
          </Text>
          <Text as="p" variant="body-small" color="secondary">
            {decision === 'approve'
              ? 'Once approved, the rule counts as passing until the waiver expires or is revoked.'
              : 'A denied request never counts; the team may file a new one.'}
          </Text>
          <TextField
            label="Comment (optional)"
            name="comment"
            value={comment}
            onChange={setComment}
          />
          {error && (
            <Alert
              status="danger"
              title={`Could not ${decision} the request`}
              description={truncate(error.message)}
            />
          )}
        </Flex>
      </DialogBody>
      <DialogFooter>
        <Button variant="secondary" onPress={onClose}>
          Cancel
        </Button>
        {/* Not `destructive` for Deny: Backstage UI's red fails WCAG AA (4.4:1) when hovered. */}
        <Button variant="primary" onPress={decide} loading={busy}>
          {verb} request
        </Button>
      </DialogFooter>
    </Dialog>
  );
}
