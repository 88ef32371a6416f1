import type { Kysely } from 'kysely';
import { toMinorUnits } from '../../src-shared/money';
import { ok } from '../../src-shared/result';
import type { AddBasketPaymentRequest } from '../../src-shared/wire/basket-request';
import type { Database } from '../db/schema';
import { inTransaction } from '../db/transaction';
import { paymentsOf, type StoredPayment } from '../repo/baskets';
import type { Actor } from './actor';
import { refuse, type Outcome } from './refusal';

export interface BasketPayments {
  readonly basketCode: string;
  readonly currency: string;
  readonly replayed: boolean;
  /** What the basket charged, with this payment: `basket_total_price` from now on. */
  readonly totalCharged: number;
  readonly payments: readonly StoredPayment[];
}

/**
 * One more payment on a stored basket of the caller's chain (and store, for a terminal or a
 * manager of one): it goes at `payment_position` of the basket's payments and adds to what
 * the basket charged. The same payment at the same place again changes nothing (a till that
 * got no answer sends it again); another payment there, or a gap, is refused.
 */
export function addBasketPayment(
  db: Kysely<Database>,
  actor: Actor,
  request: AddBasketPaymentRequest,
): Promise<Outcome<BasketPayments>> {
  const code = request.retailer_basket_code;
  return inTransaction(db, async (trx): Promise<Outcome<BasketPayments>> => {
    const basket = await trx
      .selectFrom('baskets')
      .selectAll()
      .where('chain_id', '=', actor.chainId)
      .where('retailer_basket_code', '=', code)
      .executeTakeFirst();
    const store = actor.storeCode ?? null;
    if (!basket || (store !== null && basket.store_code !== store))
      return refuse('basket_not_found', `no stored basket ${code} of this store`);
    const amount = toMinorUnits(request.payment_amount, basket.currency);
    if (!amount.ok) return refuse('invalid_parameters', `payment_amount: ${amount.error.message}`);
    const payments = paymentsOf(basket) ?? [];
    const net = basket.total_gross - basket.total_discount;
    const charged = basket.total_charged ?? net;
    const position = request.payment_position;
    const payment = { method: request.payment_method, amount: amount.value };
    const there = payments[position];
    if (there !== undefined) {
      if (there.method !== payment.method || there.amount !== payment.amount)
        return refuse(
          'basket_payment_conflict',
          `basket ${code} holds another payment at position ${position}`,
        );
      return ok({
        basketCode: code,
        currency: basket.currency,
        replayed: true,
        totalCharged: charged,
        payments,
      });
    }
    if (position !== payments.length)
      return refuse(
        'basket_payment_conflict',
        `basket ${code} has ${payments.length} payments: the next one goes at position ${payments.length}`,
      );
    const after = [...payments, payment];
    const totalCharged = charged + payment.amount;
    // compare-and-set: a twin that added a payment meanwhile makes this one refused, not lost
    const updated = await trx
      .updateTable('baskets')
      .set({ payment_methods_json: JSON.stringify(after), total_charged: totalCharged })
      .where('id', '=', basket.id)
      .where((eb) =>
        basket.payment_methods_json === null
          ? eb('payment_methods_json', 'is', null)
          : eb('payment_methods_json', '=', basket.payment_methods_json),
      )
      .executeTakeFirst();
    if (updated.numUpdatedRows !== 1n)
      return refuse('basket_payment_conflict', `basket ${code} was paid meanwhile: ask again`);
    return ok({
      basketCode: code,
      currency: basket.currency,
      replayed: false,
      totalCharged,
      payments: after,
    });
  });
}
