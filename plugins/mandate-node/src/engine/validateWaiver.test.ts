import { InputError } from '@backstage/errors';
import { validateWaiver } from './validateWaiver';

const now = new Date('2026-11-26T10:00:00Z');
const waiver = (expiresAt: string) => ({
  entityRef: 'component:default/orders',
  ruleId: 'ops.runbook',
  expiresAt,
  reason: 'migrating the wiki',
  grantedBy: 'user:default/cto',
});

describe('validateWaiver', () => {
  it('accepts an expiry up to maxWaiverDays ahead', () => {
    expect(() =>
      validateWaiver(waiver('2027-02-24T10:00:00Z'), now, 90),
    ).not.toThrow();
  });

  it.each([
    ['too far ahead', waiver('2027-02-24T10:00:01Z')],
    ['in the past', waiver('2026-11-26T09:59:59Z')],
    ['not a date', waiver('soon')],
    ['without a reason', { ...waiver('2026-12-01T00:00:00Z'), reason: ' ' }],
  ])('rejects a waiver %s', (_, w) => {
    expect(() => validateWaiver(w, now, 90)).toThrow(InputError);
  });
});
