import type { Voucher } from '../../src-shared/vouchers';
import type { EngineVoucher } from '../engine-client';

/**
 * An applied voucher as the pricing core sees it, to price the same basket locally: the
 * engine applied it, so it is usable for this sale (claimed, unlocked for us).
 */
export function appliedVoucherToDomain(
  engine: EngineVoucher,
  currency: string,
  memberNumber: string | null,
): Voucher | null {
  const createdAt = engine.createdAt ?? 0;
  const common = {
    key: engine.key,
    code: engine.code,
    campaignId: engine.campaignId ?? 0,
    exclusive: engine.exclusive,
    ownerMemberNumber: engine.memberNumber ?? (engine.hasOwner ? memberNumber : null),
    createdAt,
    claimedAt: createdAt,
    validatedAt: null,
    burnedAt: null,
    expiresAt: null,
    deletedAt: null,
    lock: null,
  };
  switch (engine.type) {
    case 'basket':
      return { ...common, type: 'basket', amount: engine.amount ?? 0, currency };
    case 'basket_pct':
      return { ...common, type: 'basket_pct', ratio: engine.ratio ?? 0 };
    case 'honour':
      return { ...common, type: 'honour', honourCode: engine.honourCode ?? '' };
    case 'basket_fixed_unit':
      return null;
  }
}

/**
 * An honour voucher as the change feed sent it, with the state its status, expiry and lock
 * give it at the time of the feed (the offline cache: docs/architecture.md, "Offline and sync"). `memberNumber` is the owner the
 * cache row names, used when the voucher does not carry one.
 */
export function cachedHonourToDomain(
  engine: EngineVoucher,
  honourCode: string,
  memberNumber: string | null,
): Voucher {
  const createdAt = engine.createdAt ?? 0;
  const lockedUntil = engine.locked ? engine.lockedUntil : null;
  return {
    type: 'honour',
    honourCode,
    key: engine.key,
    code: engine.code,
    campaignId: engine.campaignId ?? 0,
    exclusive: engine.exclusive,
    ownerMemberNumber: engine.memberNumber ?? memberNumber,
    createdAt,
    claimedAt: engine.status === 'generated' ? null : createdAt,
    validatedAt: null,
    burnedAt: engine.status === 'redeemed' ? (engine.redeemedAt ?? createdAt) : null,
    expiresAt: engine.expiresAt,
    deletedAt: null,
    lock:
      lockedUntil === null
        ? null
        : {
            until: lockedUntil,
            basketCode: engine.lockBasketCode,
            lockingCode: engine.lockingCode,
          },
  };
}
