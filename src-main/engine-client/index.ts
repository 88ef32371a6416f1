export type { EngineCalls, VoucherList, VoucherListQuery } from './calls';
export { AUDIT_BATCH_MAX, type AuditHeld, type AuditLink } from './till-audit';
export { CONFLICT_REPORT_MAX, type FoundConflict, type StoreConflict } from './sync-conflicts';
export type { BasketPayment, TillIdentity } from './basket-request';
export { EncodedAddBasket, encodeAddBasket, readEncodedAddBasket } from './encoded-add-basket';
export type { AppliedEngineVoucher, EngineBasket, EngineLine, StoredBasket } from './engine-basket';
export type { EngineVoucher } from './engine-voucher';
export type { EngineReceipt, EngineReceiptLine } from './engine-receipt';
export { readStoredVoucher, type HonourFeedChange, type HonourFeedPage } from './honour-feed';
export {
  createEngineClient,
  tillUserAgent,
  type EngineClient,
  type EngineClientOptions,
  type ManagerClient,
} from './engine-client';
export { tillClientOptions, tillVersion } from './client-identity';
export type { EngineHealth } from './health';
export { DEFAULT_MAX_ANSWER_BYTES, type EngineSession } from './http-transport';
export type {
  EngineFailure,
  UnavailableCause,
  EngineFailureKind,
  EngineOutcome,
  EngineSuccess,
  EngineWarning,
  KnownWarningCode,
  RejectionReason,
} from './outcome';
export {
  CARD_WARNING_CODES,
  SALE_WARNING_CODES,
  isCardWarningCode,
  type CardWarningCode,
  type SaleWarningCode,
} from './outcome';
export { cardLeftOut } from './unknown-card';
export type { Credentials, SignedInSession } from './session';
