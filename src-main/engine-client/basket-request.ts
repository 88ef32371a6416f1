import { toMajorUnits } from '../../src-shared/money';
import type { AddBasketRequest, GetBasketPriceRequest } from '../../src-shared/wire';
import type { SaleState } from '../sale/sale-state';

/** Who sends the basket, and in which currency and time zone. */
export interface TillIdentity {
  readonly chainId: number;
  readonly storeCode: string;
  readonly terminalId: string;
  readonly currency: string;
  readonly timezone: string;
}

/**
 * The Spaaza basket for a sale: original unit prices, the scanned voucher codes, locks bound
 * exclusively to the basket code (the till always locks exclusively: docs/architecture.md, "Locking and redemption").
 */
export function basketPriceRequest(
  sale: SaleState,
  till: TillIdentity,
  keepLockEnds = false,
): GetBasketPriceRequest {
  return {
    entity: {
      entity_type: 'chain',
      entity_id: till.chainId,
      branch_business_owner_code: till.storeCode,
      employee_code: till.terminalId,
    },
    ...(sale.memberNumber
      ? { user: { member_programme: 'spaaza', member_number: sale.memberNumber } }
      : {}),
    basket: {
      basket_platform_type: 'in_store',
      retailer_basket_code: sale.basketCode,
      basket_currency: { currency_code: till.currency },
      basket_timezone_name: till.timezone,
      basket_voucher_lock_exclusively: true,
      ...(keepLockEnds ? { basket_voucher_keep_lock_ends: true } : {}),
      // a practice sale: priced, never locked, and refused by add-basket (docs/spaaza-wire.md, "Training baskets")
      ...(sale.training ? { basket_training: true } : {}),
      basket_items: sale.lines.map((line) => ({
        retailer_item_code: line.lineId,
        item_barcode: line.barcode,
        item_name: line.name,
        item_type: 'product',
        item_quantity: line.quantity,
        ...(line.unit === 'kg' ? { item_quantity_unit: 'kg' } : {}),
        item_price: toMajorUnits(line.unitPrice, till.currency),
        item_original_price: toMajorUnits(line.unitPrice, till.currency),
        ...(line.excluded ? { excluded_from_spaaza: true } : {}),
        ...(line.returnOf
          ? {
              return_item: true,
              original_retailer_basket_code: line.returnOf.basketCode,
              original_retailer_item_code: line.returnOf.lineId,
            }
          : {}),
      })),
      basket_vouchers: sale.voucherCodes.map((voucher_code) => ({ voucher_code })),
      // ours (docs/spaaza-wire.md, "Our additions"): the engine leaves these out and frees them
      ...(sale.keptForLater.length === 0
        ? {}
        : {
            basket_vouchers_kept_for_later: sale.keptForLater.map(({ voucherKey }) => ({
              voucher_key: voucherKey,
            })),
          }),
    },
  };
}

/** A tender as the basket's `payment_methods` carry it: the method and what it paid, in minor units. */
export interface BasketPayment {
  readonly method: string;
  readonly amount: number;
}

/**
 * add-basket: the same basket, the vouchers the last pricing applied, and the confirmation time.
 * The lines stay at the shelf price in both `item_price` and `item_original_price` (an engine
 * that prices from `item_price` would otherwise take the vouchers off twice); with `paid`
 * (minor units: the net of the last pricing) `basket_total_price` says what the customer paid,
 * so the engine checks the charge (docs/spaaza-wire.md, "add-basket"); `payments` (the tenders
 * the cashier recorded) go in `payment_methods`.
 */
export function addBasketRequest(
  sale: SaleState,
  till: TillIdentity,
  appliedVoucherKeys: readonly string[],
  confirmedAt: number,
  paid?: number,
  payments: readonly BasketPayment[] = [],
): AddBasketRequest {
  const priced = basketPriceRequest(sale, till);
  return {
    ...priced,
    basket: {
      ...priced.basket,
      retailer_basket_code: sale.basketCode,
      basket_timestamp_iso8601: new Date(confirmedAt).toISOString(),
      ...(paid === undefined ? {} : { basket_total_price: toMajorUnits(paid, till.currency) }),
      ...(payments.length === 0
        ? {}
        : {
            payment_methods: payments.map((payment) => ({
              payment_method: payment.method,
              payment_amount: toMajorUnits(payment.amount, till.currency),
            })),
          }),
      basket_vouchers: appliedVoucherKeys.map((voucher_key) => ({ voucher_key })),
    },
  };
}
