export {
  checkUsable,
  heldAgainst,
  isUsable,
  type HeldReason,
  type LockHolder,
  type UnusableReason,
  type UseContext,
} from './usable';
export {
  isExpired,
  lockHolds,
  spaazaStatus,
  voucherState,
  wllStatus,
  type SpaazaStatus,
  type VoucherState,
  type WllStatus,
} from './state';
export {
  spaazaStatusToWll,
  toWllTimestamps,
  wllStatusToSpaaza,
  type WllTimestamps,
} from './vocabulary';
export {
  VOUCHER_TYPES,
  type BasketVoucher,
  type HonourVoucher,
  type Instant,
  type ListedVoucherType,
  type PercentVoucher,
  type Voucher,
  type VoucherLock,
  type VoucherType,
} from './voucher';
