import { z } from 'zod';
import { toMinorUnits } from '../../src-shared/money';
import { err, ok, type Result } from '../../src-shared/result';
import {
  addBasketRequestSchema,
  describeIssues,
  issuesOf,
  type AddBasketRequest,
} from '../../src-shared/wire';
import type { SaleLine, SaleState } from '../sale/sale-state';
import { minorAmount } from './amounts';
import { addBasketRequest, type BasketPayment, type TillIdentity } from './basket-request';

/** The request checked against the wire schema, with its currency and the sale lines it describes (prices in minor units). */
const readableAddBasket = addBasketRequestSchema.transform((request, context) => {
  const currency = request.basket.basket_currency?.currency_code;
  if (currency === undefined) {
    context.addIssue({
      code: 'custom',
      path: ['basket', 'basket_currency'],
      message: 'the basket names no currency',
    });
    return z.NEVER;
  }
  const lines: SaleLine[] = request.basket.basket_items.map((item, index) => {
    const priced =
      item.item_original_price === undefined
        ? { amount: item.item_price, field: 'item_price' }
        : { amount: item.item_original_price, field: 'item_original_price' };
    return {
      lineId: item.retailer_item_code ?? `line_${String(index + 1)}`,
      barcode: item.item_barcode ?? '',
      name: item.item_name ?? '',
      quantity: item.item_quantity,
      unit: item.item_quantity_unit === 'kg' ? 'kg' : 'piece',
      unitPrice: minorAmount(priced.amount, currency, context, [
        'basket',
        'basket_items',
        index,
        priced.field,
      ]),
      excluded: item.excluded_from_spaaza === true,
      // the purchase a return line gives back; the voucher shares that come back are not on the wire
      ...(item.return_item === true &&
      item.original_retailer_basket_code !== undefined &&
      item.original_retailer_item_code !== undefined
        ? {
            returnOf: {
              basketCode: item.original_retailer_basket_code,
              lineId: item.original_retailer_item_code,
              vouchersBack: 0,
            },
          }
        : {}),
    };
  });
  return { request, currency, lines };
});

/**
 * A sale's add-basket, encoded once by the engine client and kept as it is (the outbox, a
 * confirm in flight), so that a replay sends the very same basket (docs/architecture.md,
 * "Locking and redemption"). Outside the engine client it is opaque: its text is stored, and
 * read back with {@link readEncodedAddBasket}.
 */
export class EncodedAddBasket {
  private constructor(
    private readonly request: AddBasketRequest,
    private readonly json: string,
    readonly currency: string,
    private readonly lines: readonly SaleLine[],
  ) {}

  /** A request the till built wrongly is a bug in the till, so it throws instead of travelling. */
  static of(request: AddBasketRequest): EncodedAddBasket {
    const checked = EncodedAddBasket.checked(request, JSON.stringify(request));
    if (!checked.ok) throw new Error(`the add-basket request is invalid: ${checked.error}`);
    return checked.value;
  }

  /** `json` checked against the wire schema; `text` is its JSON as built or stored, and is what is kept. */
  static checked(json: unknown, text: string): Result<EncodedAddBasket, string> {
    const parsed = readableAddBasket.safeParse(json);
    if (!parsed.success) return err(describeIssues(issuesOf(parsed.error)));
    const { request, currency, lines } = parsed.data;
    return ok(new EncodedAddBasket(request, text, currency, lines));
  }

  get basketCode(): string {
    return this.request.basket.retailer_basket_code;
  }

  /** When the cashier confirmed the sale; null when the request does not say. */
  get confirmedAt(): number | null {
    const at = Date.parse(this.request.basket.basket_timestamp_iso8601 ?? '');
    return Number.isNaN(at) ? null : at;
  }

  /** The JSON text to store: the request as built, not as parsed, so that sent again it is the very same basket. */
  text(): string {
    return this.json;
  }

  /** The member the basket is for; null for an anonymous one. */
  get memberNumber(): string | null {
    return this.request.user?.member_number ?? null;
  }

  /** The same basket without the customer's card; null when it names none. */
  withoutMember(): EncodedAddBasket | null {
    if (this.request.user === undefined) return null;
    const anonymous = { ...this.request };
    delete anonymous.user;
    return EncodedAddBasket.of(anonymous);
  }

  /** What its `payment_methods` say was paid, in minor units, in order. */
  payments(): BasketPayment[] {
    return (this.request.basket.payment_methods ?? []).flatMap((payment) => {
      const amount = toMinorUnits(payment.payment_amount, this.currency);
      return amount.ok ? [{ method: payment.payment_method, amount: amount.value }] : [];
    });
  }

  /** The request body to send (the engine client's only). */
  body(): AddBasketRequest {
    return this.request;
  }

  /** The sale the request describes (to journal it from the engine's answer after a restart). */
  sale(): SaleState {
    const { basket, user } = this.request;
    const basketCode = basket.retailer_basket_code;
    const lines = [...this.lines];
    return {
      saleId: basketCode,
      basketCode,
      memberNumber: user?.member_number ?? null,
      lines,
      voucherCodes: [],
      nextLine: lines.length + 1,
      keptForLater: [],
    };
  }
}

/** The add-basket that confirms a sale with the vouchers its last pricing applied. */
export function encodeAddBasket(
  sale: SaleState,
  till: TillIdentity,
  appliedVoucherKeys: readonly string[],
  confirmedAt: number,
  paid?: number,
  payments: readonly BasketPayment[] = [],
): EncodedAddBasket {
  return EncodedAddBasket.of(
    addBasketRequest(sale, till, appliedVoucherKeys, confirmedAt, paid, payments),
  );
}

/** A stored add-basket, checked again: the reason it no longer passes the wire schema otherwise. */
export function readEncodedAddBasket(text: string): Result<EncodedAddBasket, string> {
  let json: unknown;
  try {
    json = JSON.parse(text);
  } catch {
    return err('the stored request is not JSON');
  }
  return EncodedAddBasket.checked(json, text);
}
