import { describe, expect, it } from 'vitest';
import { checkUsable } from '../../src-shared/vouchers';
import { engineVoucher } from '../../test-support/till/engine-answers';
import { cachedHonourToDomain } from './voucher-to-domain';

const NOW = Date.UTC(2026, 10, 23, 12, 0, 0);
const wire = {
  voucher_key: 'c'.repeat(64),
  voucher_code: 'HONOUR-COFFEE-0001',
  voucher_type: 'honour',
  voucher_status: 'claimed',
  voucher_locked: false,
  voucher_created_datetime: '2026-11-20T09:00:00.000Z',
  voucher_expiry_datetime_utc: '2026-12-31 23:59:59',
  voucher_honour_code: 'FREE-COFFEE',
};
const sale = { basketCode: 'S1', lockingCode: null, memberNumber: null };

describe('cachedHonourToDomain', () => {
  it('reads the state of a cached honour voucher from its wire object', () => {
    const voucher = cachedHonourToDomain(engineVoucher(wire), 'FREE-COFFEE', null);
    expect(voucher).toMatchObject({
      type: 'honour',
      honourCode: 'FREE-COFFEE',
      code: 'HONOUR-COFFEE-0001',
      claimedAt: Date.parse('2026-11-20T09:00:00.000Z'),
      expiresAt: Date.UTC(2026, 11, 31, 23, 59, 59),
      burnedAt: null,
      lock: null,
    });
    expect(checkUsable(voucher, NOW, sale).ok).toBe(true);
  });

  it('keeps what makes it unusable: not claimed, a lock for another basket, another owner', () => {
    const unclaimed = cachedHonourToDomain(
      engineVoucher({ ...wire, voucher_status: 'generated' }),
      'X',
      null,
    );
    expect(checkUsable(unclaimed, NOW, sale)).toMatchObject({
      error: { code: 'voucher_not_claimed' },
    });
    const locked = cachedHonourToDomain(
      engineVoucher({
        ...wire,
        voucher_locked: true,
        voucher_locked_until: '2026-11-23 12:05:00',
        voucher_retailer_basket_code_exclusive: 'S2',
      }),
      'X',
      null,
    );
    expect(checkUsable(locked, NOW, sale)).toMatchObject({ error: { code: 'voucher_locked' } });
    const owned = cachedHonourToDomain(engineVoucher(wire), 'X', '1000002');
    expect(checkUsable(owned, NOW, sale)).toMatchObject({ error: { code: 'voucher_wrong_owner' } });
  });
});
