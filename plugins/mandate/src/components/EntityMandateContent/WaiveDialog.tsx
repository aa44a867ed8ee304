import { useState } from 'react';
import {
  Alert,
  Button,
  DatePicker,
  Dialog,
  DialogBody,
  DialogFooter,
  DialogHeader,
  Flex,
  Text,
  TextField,
} from '@backstage/ui';
import { CalendarDate, parseDate } from '@internationalized/date';
import { isoDayFromNow } from '../../lib/dates';
import { truncate } from '../../lib/truncate';

/** The longest a waiver may run (rulebook: maxWaiverDays, 90 by default). */
const MAX_WAIVER_DAYS = 90;

/**
 * Asks for the reason and the expiry of a waiver of one rule. A user who may approve waivers
 * grants it at once, or files a request for someone else to approve (a second pair of eyes);
 * anyone else files a request.
 */
export function WaiveDialog(props: {
  ruleId: string;
  ruleTitle?: string;
  isOpen: boolean;
  /** Whether the user may approve waivers of this service. */
  canApprove: boolean;
  onClose: () => void;
  onSubmit: (waiver: {
    reason: string;
    expiresAt: string;
    mode: 'request' | 'grant';
  }) => Promise<void>;
}) {
  const { ruleId, ruleTitle, isOpen, canApprove, onClose, onSubmit } = props;
  const [reason, setReason] = useState('');
  const [expiry, setExpiry] = useState<CalendarDate | null>(
    parseDate(isoDayFromNow(30)),
  );
  const [submitting, setSubmitting] = useState<'request' | 'grant'>();
  const [error, setError] = useState<Error | undefined>();

  const canSubmit = reason.trim().length > 0 && expiry !== null && !submitting;

  const submit = async (mode: 'request' | 'grant') => {
    if (!canSubmit || !expiry) return;
    setSubmitting(mode);
    setError(undefined);
    try {
      // The waiver lasts until the end of the chosen day (UTC).
      await onSubmit({
        reason: reason.trim(),
        expiresAt: `${expiry.toString()}T23:59:59.000Z`,
        mode,
      });
      setReason('');
      onClose();
    } catch (e) {
      setError(e as Error);
    } finally {
      setSubmitting(undefined);
    }
  };

  return (
    <Dialog
      isOpen={isOpen}
      onOpenChange={open => !open && onClose()}
      width={520}
    >
      <DialogHeader>
        {canApprove ? 'Grant' : 'Request'} a waiver of {ruleTitle ?? ruleId}
      </DialogHeader>
      <DialogBody>
        <Flex direction="column" gap="4">
          <Text as="p" variant="body-medium" color="secondary">
            A waiver counts the failing rule <code>{ruleId}</code> as passing
            until it expires or is revoked.{' '}
            {canApprove
              ? 'You may grant it at once, or request it for someone else to approve.'
              : 'It counts once someone allowed to approve waivers approves your request.'}{' '}
            Say why the exception is acceptable.
          </Text>
          <TextField
            label="Reason"
            name="reason"
            isRequired
            value={reason}
            onChange={setReason}
            placeholder="e.g. migration to a dedicated database planned for Q1"
          />
          <DatePicker
            label="Expires on"
            description={`At most ${MAX_WAIVER_DAYS} days from today`}
            value={expiry}
            onChange={value => setExpiry(value as CalendarDate | null)}
            minValue={parseDate(isoDayFromNow(1))}
            maxValue={parseDate(isoDayFromNow(MAX_WAIVER_DAYS))}
          />
          {error && (
            <Alert
              status="danger"
              title="Could not waive the rule"
              description={truncate(error.message)}
            />
          )}
        </Flex>
      </DialogBody>
      <DialogFooter>
        <Button variant="secondary" onPress={onClose}>
          Cancel
        </Button>
        {canApprove && (
          <Button
            variant="secondary"
            onPress={() => submit('request')}
            isDisabled={!canSubmit}
            loading={submitting === 'request'}
          >
            Request approval
          </Button>
        )}
        <Button
          variant="primary"
          onPress={() => submit(canApprove ? 'grant' : 'request')}
          isDisabled={!canSubmit}
          loading={submitting === (canApprove ? 'grant' : 'request')}
        >
          {canApprove ? 'Grant waiver' : 'Request waiver'}
        </Button>
      </DialogFooter>
    </Dialog>
  );
}
