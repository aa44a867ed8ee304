import { InputError } from '@backstage/errors';
import { Waiver } from './Waiver';

const DAY_MS = 24 * 60 * 60 * 1000;

/**
 * Checks a waiver before it is granted: all fields present, expiry in the future and at most
 * `maxWaiverDays` ahead. The engine does not re-check the horizon (a stored waiver simply
 * counts until it expires).
 *
 * @public
 */
export function validateWaiver(
  waiver: Waiver,
  now: Date,
  maxWaiverDays: number,
): void {
  for (const field of ['entityRef', 'ruleId', 'reason', 'grantedBy'] as const) {
    if (typeof waiver[field] !== 'string' || waiver[field].trim() === '') {
      throw new InputError(`A waiver needs a non-empty ${field}`);
    }
  }
  const expires = new Date(waiver.expiresAt).getTime();
  if (Number.isNaN(expires))
    throw new InputError('A waiver needs a valid expiresAt date');
  if (expires <= now.getTime())
    throw new InputError('A waiver must expire in the future');
  if (expires > now.getTime() + maxWaiverDays * DAY_MS) {
    throw new InputError(
      `A waiver may expire at most ${maxWaiverDays} days ahead`,
    );
  }
}
