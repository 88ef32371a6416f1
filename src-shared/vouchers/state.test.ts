import { describe, expect, it } from 'vitest';
import { T0, fixedVoucher } from '../../test-support/shared/vouchers';
import { isExpired, lockHolds, spaazaStatus, voucherState, wllStatus } from './state';
import { checkUsable, isUsable } from './usable';
import { spaazaStatusToWll, toWllTimestamps, wllStatusToSpaaza } from './vocabulary';

const HOUR = 3_600_000;

describe('state from timestamps (docs/architecture.md, "Voucher state")', () => {
  it.each([
    ['generated', { claimedAt: null }, 'generated', 'CREATED'],
    ['claimed', {}, 'claimed', 'REDEEMED'],
    ['validated', { validatedAt: T0 - 1 }, 'claimed', 'VALIDATED'],
    ['burned', { burnedAt: T0 - 1 }, 'redeemed', 'BURNED'],
  ] as const)('%s: Spaaza %s, WLL %s', (_, overrides, spaaza, wll) => {
    const voucher = fixedVoucher(100, overrides);
    expect(spaazaStatus(voucher)).toBe(spaaza);
    expect(wllStatus(voucher, T0)).toBe(wll);
  });

  it('expires when the expiry passes unless it was used first', () => {
    const expiring = fixedVoucher(100, { expiresAt: T0 });
    expect(isExpired(expiring, T0 - 1)).toBe(false);
    expect(isExpired(expiring, T0)).toBe(true);
    expect(voucherState(expiring, T0)).toBe('expired');
    const usedInTime = fixedVoucher(100, { expiresAt: T0, burnedAt: T0 - 1 });
    expect(voucherState(usedInTime, T0 + HOUR)).toBe('redeemed');
  });

  it('WLL reports expiry only for a benefit nobody revealed or validated', () => {
    expect(wllStatus(fixedVoucher(100, { claimedAt: null, expiresAt: T0 }), T0)).toBe('EXPIRED');
    expect(wllStatus(fixedVoucher(100, { expiresAt: T0 }), T0)).toBe('REDEEMED');
  });

  it('deletion hides everything else', () => {
    expect(voucherState(fixedVoucher(100, { deletedAt: T0 - 1, burnedAt: T0 - 2 }), T0)).toBe(
      'deleted',
    );
  });

  it('a lock holds until its end, not at it', () => {
    const locked = fixedVoucher(100, { lock: { until: T0, basketCode: 'B', lockingCode: null } });
    expect(lockHolds(locked, T0 - 1)).toBe(true);
    expect(lockHolds(locked, T0)).toBe(false);
  });
});

describe('usable (docs/architecture.md, "Voucher state")', () => {
  const sale = { basketCode: 'B1', lockingCode: 'L1', memberNumber: '1000001' };

  it('is claimed, unused, present, unexpired and not held elsewhere', () => {
    expect(isUsable(fixedVoucher(100, { ownerMemberNumber: '1000001' }), T0, sale)).toBe(true);
    expect(isUsable(fixedVoucher(100, { ownerMemberNumber: null }), T0, sale)).toBe(true);
  });

  it.each([
    [{ claimedAt: null }, 'voucher_not_claimed'],
    [{ burnedAt: T0 }, 'voucher_already_redeemed'],
    [{ deletedAt: T0 }, 'voucher_not_found'],
    [{ expiresAt: T0 }, 'voucher_expired'],
    [{ ownerMemberNumber: '1000002' }, 'voucher_wrong_owner'],
    [{ lock: { until: T0 + HOUR, basketCode: 'B2', lockingCode: null } }, 'voucher_locked'],
    [
      { lock: { until: T0 + HOUR, basketCode: null, lockingCode: 'L2' } },
      'voucher_locking_code_mismatch',
    ],
  ] as const)('%o → %s', (overrides, code) => {
    const result = checkUsable(fixedVoucher(100, overrides), T0, sale);
    expect(result.ok).toBe(false);
    expect(!result.ok && result.error.code).toBe(code);
  });

  it('a hold bound to this basket and this locking code lets the sale use it', () => {
    const mine = fixedVoucher(100, {
      lock: { until: T0 + HOUR, basketCode: 'B1', lockingCode: 'L1' },
    });
    expect(isUsable(mine, T0, sale)).toBe(true);
  });

  it('a hold taken under a locking code is bound to the code instead of its basket code', () => {
    const underL1 = fixedVoucher(100, {
      lock: { until: T0 + HOUR, basketCode: 'B2', lockingCode: 'L1' },
    });
    expect(isUsable(underL1, T0, { ...sale, basketCode: 'B9' })).toBe(true);
    expect(isUsable(underL1, T0, { ...sale, basketCode: null })).toBe(true);
    const result = checkUsable(underL1, T0, { ...sale, basketCode: 'B2', lockingCode: 'L2' });
    expect(!result.ok && result.error.code).toBe('voucher_locking_code_mismatch');
    const without = checkUsable(underL1, T0, { ...sale, basketCode: 'B2', lockingCode: null });
    expect(!without.ok && without.error.code).toBe('voucher_locking_code_mismatch');
  });

  it('an anonymous basket cannot use a member’s voucher', () => {
    expect(
      checkUsable(fixedVoucher(100, { ownerMemberNumber: '1' }), T0, {
        ...sale,
        memberNumber: null,
      }),
    ).toMatchObject({
      ok: false,
      error: { code: 'voucher_wrong_owner' },
    });
  });
});

describe('the vocabulary between the two faces', () => {
  it('Spaaza "claimed" is WLL "redeemed"; Spaaza "redeemed" is WLL "burned"', () => {
    expect(spaazaStatusToWll('generated')).toBe('CREATED');
    expect(spaazaStatusToWll('claimed')).toBe('REDEEMED');
    expect(spaazaStatusToWll('redeemed')).toBe('BURNED');
    expect(wllStatusToSpaaza('REDEEMED')).toBe('claimed');
    expect(wllStatusToSpaaza('VALIDATED')).toBe('claimed');
    expect(wllStatusToSpaaza('BURNED')).toBe('redeemed');
    expect(wllStatusToSpaaza('EXPIRED')).toBe('expired');
  });

  it('names the stored timestamps the WLL way, burnedAt on the benefit and validatedAt on its code', () => {
    const voucher = fixedVoucher(100, {
      createdAt: T0 - HOUR,
      claimedAt: T0 - 2,
      validatedAt: T0 - 1,
      burnedAt: T0,
    });
    expect(toWllTimestamps(voucher)).toEqual({
      createdAt: '2026-11-23T11:00:00.000Z',
      redeemedAt: '2026-11-23T11:59:59.998Z',
      expiresAt: null,
      burnedAt: '2026-11-23T12:00:00.000Z',
      code: { redeemedAt: '2026-11-23T11:59:59.998Z', validatedAt: '2026-11-23T11:59:59.999Z' },
    });
  });
});
