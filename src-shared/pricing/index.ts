export { allocateByLargestRemainder } from './allocate';
export {
  MAX_QUANTITY_DECIMALS,
  MAX_RATIO_DECIMALS,
  lineGross,
  priceBasket,
  unitPriceOf,
} from './price-basket';
export { REJECTION_CODES, isRejectionCode, rejectionMessage, type RejectionCode } from './reasons';
export type {
  AppliedVoucher,
  BasketLine,
  BasketTotals,
  PricedBasket,
  PricedLine,
  PricingContext,
  RejectedVoucher,
  VoucherShare,
} from './types';
export {
  chargeMismatches,
  chargeTolerance,
  chargedLineTotal,
  totalCharged,
  type ChargeMismatch,
  type ChargedBasket,
  type ChargedLine,
} from './charged';
