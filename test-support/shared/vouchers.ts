import type {
  BasketVoucher,
  HonourVoucher,
  PercentVoucher,
  Voucher,
} from '../../src-shared/vouchers/voucher';

/** Test data builders: a claimed, unlocked, unexpired voucher unless told otherwise. */

export const T0 = Date.UTC(2026, 10, 23, 12, 0, 0);

let sequence = 0;
function nextKey(): string {
  sequence += 1;
  return sequence.toString(16).padStart(64, '0');
}

type Overrides<V extends Voucher> = Partial<Omit<V, 'type'>>;

function common(overrides: Partial<Voucher>): Omit<BasketVoucher, 'type' | 'amount' | 'currency'> {
  return {
    key: overrides.key ?? nextKey(),
    code: overrides.code ?? null,
    campaignId: overrides.campaignId ?? 1,
    exclusive: overrides.exclusive ?? false,
    ownerMemberNumber: overrides.ownerMemberNumber ?? null,
    createdAt: overrides.createdAt ?? T0 - 86_400_000,
    claimedAt: overrides.claimedAt === undefined ? T0 - 3_600_000 : overrides.claimedAt,
    validatedAt: overrides.validatedAt ?? null,
    burnedAt: overrides.burnedAt ?? null,
    expiresAt: overrides.expiresAt ?? null,
    deletedAt: overrides.deletedAt ?? null,
    lock: overrides.lock ?? null,
  };
}

export function fixedVoucher(
  amount: number,
  overrides: Overrides<BasketVoucher> = {},
): BasketVoucher {
  return { ...common(overrides), type: 'basket', amount, currency: overrides.currency ?? 'EUR' };
}

export function percentVoucher(
  ratio: number,
  overrides: Overrides<PercentVoucher> = {},
): PercentVoucher {
  return { ...common(overrides), type: 'basket_pct', ratio };
}

export function honourVoucher(
  honourCode: string,
  overrides: Overrides<HonourVoucher> = {},
): HonourVoucher {
  return { ...common(overrides), type: 'honour', honourCode };
}
