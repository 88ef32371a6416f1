import { toMajorUnits } from '../../src-shared/money';
import { chargedLineTotal } from '../../src-shared/pricing/charged';
import { iso, toSpaazaDateTime } from '../../src-shared/wire';
import type { Receipt } from '../domain/receipts';
import { paymentsOf, taxOf, type BasketItemRow } from '../repo/baskets';
import { toVoucherObject } from './voucher-object';

const spaaza = (instant: number | null) => (instant === null ? null : toSpaazaDateTime(instant));

/** What the till charged for the line, as add-basket's `item_subtotal` means it; null if unknown. */
function chargedSubtotal(item: BasketItemRow): number | null {
  if (item.charged_unit_price === null) return null;
  return chargedLineTotal({
    id: item.line_id,
    quantity: Number(item.quantity),
    unitPrice: item.charged_unit_price,
    subtotal: null,
  });
}

/** A stored basket as get-receipts and claim-basket show it (docs/spaaza-wire.md, "get-receipts"). */
export function toReceipt(receipt: Receipt, now: number) {
  const { basket } = receipt;
  const money = (minor: number) => toMajorUnits(minor, basket.currency);
  const moneyOrNull = (minor: number | null) => (minor === null ? null : money(minor));
  const net = basket.total_gross - basket.total_discount;
  return {
    basket_id: basket.id,
    retailer_basket_code: basket.retailer_basket_code,
    basket_timestamp_iso8601: iso(basket.sold_at),
    basket_timezone_name: basket.timezone,
    basket_received_datetime: toSpaazaDateTime(basket.created_at),
    basket_claimed_datetime: spaaza(basket.claimed_at),
    branch_business_owner_code: basket.store_code,
    employee_code: basket.employee_code,
    employee_name: basket.employee_name,
    basket_platform_type: basket.platform_type,
    user:
      basket.member_id === null
        ? null
        : { user_id: basket.member_id, member_number: receipt.memberNumber },
    basket_currency: { currency_code: basket.currency },
    basket_total_price: money(basket.total_charged ?? net),
    engine_total_price: money(basket.total_gross),
    engine_total_discount: money(basket.total_discount),
    engine_total_adjusted_price: money(net),
    payment_methods:
      paymentsOf(basket)?.map((payment) => ({
        payment_method: payment.method,
        payment_amount: money(payment.amount),
      })) ?? null,
    basket_tax:
      taxOf(basket)?.map((tax) => ({ tax_rate: tax.rate, tax_total: money(tax.total) })) ?? null,
    basket_notes: basket.notes,
    basket_items: receipt.items.map((item) => ({
      retailer_item_code: item.line_id,
      item_barcode: item.barcode,
      item_name: item.name,
      item_quantity: Number(item.quantity),
      item_unit_price: money(item.unit_price),
      item_price: moneyOrNull(item.charged_unit_price),
      item_subtotal: moneyOrNull(chargedSubtotal(item)),
      item_gross: money(item.gross),
      item_discount: money(item.discount),
      item_returned_quantity: Number(item.returned_quantity),
      item_voucher_shares: receipt.shares
        .filter((share) => share.line_id === item.line_id)
        .map((share) => ({
          voucher_key: share.voucher_key,
          voucher_code: share.code,
          discount: money(share.discount),
        })),
    })),
    vouchers_redeemed: receipt.redeemed.map((row) => toVoucherObject(row, now)),
    vouchers_created: receipt.created.map((row) => toVoucherObject(row, now)),
  };
}
